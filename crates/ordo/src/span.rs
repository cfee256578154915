//! A span of years, the same in every call: both ends optional, each
//! defaulting to the call's own range.

/// First and last year (inclusive); `None` takes the call's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Span {
    /// Every year the call covers.
    pub const ALL: Span = Span {
        from: None,
        to: None,
    };

    /// From `from` through `to`.
    pub fn between(from: i32, to: i32) -> Span {
        Span {
            from: Some(from),
            to: Some(to),
        }
    }

    /// One year.
    pub fn year(year: i32) -> Span {
        Span::between(year, year)
    }

    /// The span, filling what is not given from `default`.
    pub fn resolve(&self, default: (i32, i32)) -> anyhow::Result<(i32, i32)> {
        let (from, to) = (self.from.unwrap_or(default.0), self.to.unwrap_or(default.1));
        if from > to {
            anyhow::bail!("--from {from} is after --to {to}");
        }
        Ok((from, to))
    }
}
