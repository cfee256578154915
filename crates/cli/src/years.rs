//! `--year Y` or `--from Y --to Y`, the same on every command.

use anyhow::bail;
use clap::Args;

/// A span of years.
#[derive(Args, Debug, Clone, Copy)]
pub struct Years {
    /// A single year
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First year (inclusive)
    #[arg(long)]
    pub from: Option<i32>,
    /// Last year (inclusive)
    #[arg(long)]
    pub to: Option<i32>,
}

impl Years {
    /// The span, filling what is not given from `default`.
    pub fn span(&self, default: (i32, i32)) -> anyhow::Result<(i32, i32)> {
        let (from, to) = match self.year {
            Some(y) => (y, y),
            None => (self.from.unwrap_or(default.0), self.to.unwrap_or(default.1)),
        };
        if from > to {
            bail!("--from {from} is after --to {to}");
        }
        Ok((from, to))
    }
}

impl From<Years> for ordo::Span {
    fn from(y: Years) -> ordo::Span {
        match y.year {
            Some(year) => ordo::Span::year(year),
            None => ordo::Span {
                from: y.from,
                to: y.to,
            },
        }
    }
}
