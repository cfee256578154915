//! Where each field of an event sits in a row, per input layout.
//!
//! GDELT files have no header: the layout is recognised per row from its
//! width (57 fields: GDELT 1.0 back-file 1979–2013-03; 58: GDELT 1.0 daily
//! files from 2013-04 with `SOURCEURL`; 61: GDELT 2.0 with `ADM2Code` in each
//! geo block). Fields 1–35 are the same in all three, so only `DATEADDED`
//! and the URL move: `DATEADDED` is field 57 (index 56, `yyyymmdd`) in both
//! 1.0 layouts and field 60 (index 59, `yyyymmddhhmmss`) in 2.0, followed
//! by `SOURCEURL` (GDELT 2.0 codebook field list, as in
//! linwoodc3/gdelt2HeaderRows `GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv`;
//! checked on `gdelt_v1_raw_sample`, whose 57-field rows end in `20130203`
//! and 58-field rows in `20160728` and a URL). Files with a header row
//! (R-written GDELT extracts, ICEWS, user CSV) are mapped by column name.

use crate::EventsError;

/// The event data family, which decides the de-duplication key and the
/// default actor scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Gdelt = 0,
    Icews = 1,
    Csv = 2,
    /// POLECAT (PLOVER-coded), read by [`crate::polecat`].
    Polecat = 3,
    /// Cline Center Historical and OEDA Phoenix, read by [`crate::phoenix`].
    Phoenix = 4,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Gdelt => "gdelt",
            Family::Icews => "icews",
            Family::Csv => "csv",
            Family::Polecat => "polecat",
            Family::Phoenix => "phoenix",
        }
    }

    pub fn parse(text: &str) -> Result<Family, EventsError> {
        match text {
            "gdelt" => Ok(Family::Gdelt),
            "icews" => Ok(Family::Icews),
            "csv" => Ok(Family::Csv),
            "polecat" => Ok(Family::Polecat),
            "phoenix" => Ok(Family::Phoenix),
            other => Err(EventsError::Usage(format!(
                "unknown event source `{other}` (gdelt, icews, polecat, phoenix, csv)"
            ))),
        }
    }

    pub fn from_tag(tag: u8) -> Family {
        match tag {
            0 => Family::Gdelt,
            1 => Family::Icews,
            3 => Family::Polecat,
            4 => Family::Phoenix,
            _ => Family::Csv,
        }
    }
}

/// Column positions of the fields ordo keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: usize,
    pub date: usize,
    pub actor1: usize,
    pub actor2: usize,
    /// The CAMEO event code; `None` only for an ICEWS file without a
    /// `CAMEO Code` column, whose codes are rebuilt from `text`.
    pub code: Option<usize>,
    /// ICEWS `Event Text`, the event's name in the ICEWS codebook.
    pub text: Option<usize>,
    /// GDELT `DATEADDED`, which the 1920-for-2020 repair checks.
    pub added: Option<usize>,
    pub is_root: Option<usize>,
    pub quad: Option<usize>,
    pub goldstein: Option<usize>,
    pub mentions: Option<usize>,
    pub sources: Option<usize>,
    pub articles: Option<usize>,
    pub url: Option<usize>,
    /// Where each side's kind (state actor or not) is read.
    pub actor1_kind: Kind,
    pub actor2_kind: Kind,
}

/// The columns that say what kind of actor a side is (docs/events.md,
/// "State actors").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The source does not say (a CSV without actor types).
    None,
    /// GDELT: the full actor code and its three CAMEO type codes.
    Gdelt { code: usize, types: [usize; 3] },
    /// ICEWS: the actor's name and its comma-separated sectors.
    Icews { name: usize, sectors: usize },
}

/// The GDELT positional layouts, by row width.
pub fn gdelt_by_width(width: usize) -> Option<&'static Fields> {
    match width {
        57 => Some(&GDELT_57),
        58 => Some(&GDELT_58),
        61 => Some(&GDELT_61),
        _ => None,
    }
}

const fn gdelt(added: usize, url: Option<usize>) -> Fields {
    Fields {
        id: 0,
        date: 1,
        actor1: 7,
        actor2: 17,
        is_root: Some(25),
        code: Some(26),
        text: None,
        added: Some(added),
        quad: Some(29),
        goldstein: Some(30),
        mentions: Some(31),
        sources: Some(32),
        articles: Some(33),
        url,
        actor1_kind: Kind::Gdelt {
            code: 5,
            types: [12, 13, 14],
        },
        actor2_kind: Kind::Gdelt {
            code: 15,
            types: [22, 23, 24],
        },
    }
}

static GDELT_57: Fields = gdelt(56, None);
static GDELT_58: Fields = gdelt(56, Some(57));
static GDELT_61: Fields = gdelt(59, Some(60));

/// Names each field goes by in files with a header (GDELT names, ICEWS
/// Dataverse names, the `icews` R package's snake_case names).
const NAMES: [(&str, &[&str]); 14] = [
    ("id", &["GLOBALEVENTID", "Event ID", "event_id"]),
    ("date", &["SQLDATE", "Event Date", "event_date"]),
    (
        "actor1",
        &["Actor1CountryCode", "Source Country", "source_country"],
    ),
    (
        "actor2",
        &["Actor2CountryCode", "Target Country", "target_country"],
    ),
    ("code", &["EventCode", "CAMEO Code", "cameo_code"]),
    ("is_root", &["IsRootEvent"]),
    ("quad", &["QuadClass"]),
    ("goldstein", &["GoldsteinScale", "Intensity", "intensity"]),
    ("mentions", &["NumMentions"]),
    ("sources", &["NumSources"]),
    ("articles", &["NumArticles"]),
    ("url", &["SOURCEURL"]),
    ("text", &["Event Text", "event_text"]),
    ("added", &["DATEADDED"]),
];

/// The field names `--map` accepts.
pub const FIELD_NAMES: [&str; 12] = [
    "id",
    "date",
    "actor1",
    "actor2",
    "code",
    "is_root",
    "quad",
    "goldstein",
    "mentions",
    "sources",
    "articles",
    "url",
];

/// Maps a header row: the user's `--map field=column` pairs first, then the
/// known names. `id`, `date`, `actor1`, `actor2` and `code` are required,
/// except that an ICEWS file may have `Event Text` instead of `CAMEO Code`
/// (the 2017 re-release `Events.2017.20201006.tab` has no code column,
/// andybega/icews issues #69, #73, #74).
pub fn from_header(
    header: &[String],
    user: &[(String, String)],
    file: &str,
    family: Family,
) -> Result<Fields, EventsError> {
    let find = |field: &str| -> Option<usize> {
        if let Some((_, col)) = user.iter().find(|(f, _)| f == field) {
            return header.iter().position(|h| h == col);
        }
        let names = NAMES.iter().find(|(f, _)| *f == field)?.1;
        header.iter().position(|h| names.contains(&h.as_str()))
    };
    for (field, col) in user {
        if !FIELD_NAMES.contains(&field.as_str()) {
            return Err(EventsError::Usage(format!(
                "--map {field}={col}: unknown field `{field}` (one of {})",
                FIELD_NAMES.join(", ")
            )));
        }
        if !header.iter().any(|h| h == col) {
            return Err(EventsError::Usage(format!(
                "{file}: --map {field}={col}: no column `{col}` in the header ({})",
                header.join(", ")
            )));
        }
    }
    let need = |field: &str| {
        find(field).ok_or_else(|| {
            EventsError::Usage(format!(
                "{file}: no column for `{field}` in the header; name it with --map {field}=COLUMN"
            ))
        })
    };
    let (id, date) = (need("id")?, need("date")?);
    let (actor1, actor2) = (need("actor1")?, need("actor2")?);
    let text = find("text");
    let code = match find("code") {
        None if family == Family::Icews && text.is_some() => None,
        _ => Some(need("code")?),
    };
    Ok(Fields {
        id,
        date,
        actor1,
        actor2,
        code,
        text,
        added: find("added"),
        is_root: find("is_root"),
        quad: find("quad"),
        goldstein: find("goldstein"),
        mentions: find("mentions"),
        sources: find("sources"),
        articles: find("articles"),
        url: find("url"),
        actor1_kind: kind(header, "Actor1", "Source", "source"),
        actor2_kind: kind(header, "Actor2", "Target", "target"),
    })
}

/// The kind columns of one side in a header file: GDELT's `Actor1Code`
/// and `Actor1Type1Code`…`Type3Code`, or ICEWS's `Source Name` and
/// `Source Sectors` (or the `icews` package's snake_case names).
fn kind(header: &[String], gdelt: &str, icews: &str, snake: &str) -> Kind {
    let at = |n: &str| header.iter().position(|h| h == n);
    let types = [1, 2, 3].map(|k| at(&format!("{gdelt}Type{k}Code")));
    if let (Some(code), [Some(t1), Some(t2), Some(t3)]) = (at(&format!("{gdelt}Code")), types) {
        return Kind::Gdelt {
            code,
            types: [t1, t2, t3],
        };
    }
    let name = at(&format!("{icews} Name")).or_else(|| at(&format!("{snake}_name")));
    let sectors = at(&format!("{icews} Sectors")).or_else(|| at(&format!("{snake}_sectors")));
    match (name, sectors) {
        (Some(name), Some(sectors)) => Kind::Icews { name, sectors },
        _ => Kind::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dateadded_sits_before_the_url_in_every_gdelt_layout() {
        assert_eq!(gdelt_by_width(57).unwrap().added, Some(56));
        assert_eq!(gdelt_by_width(58).unwrap().added, Some(56));
        assert_eq!(gdelt_by_width(58).unwrap().url, Some(57));
        assert_eq!(gdelt_by_width(61).unwrap().added, Some(59));
        assert_eq!(gdelt_by_width(61).unwrap().url, Some(60));
    }

    #[test]
    fn only_icews_may_rebuild_its_code_from_event_text() {
        let h = header(&[
            "Event ID",
            "Event Date",
            "Source Country",
            "Event Text",
            "Target Country",
        ]);
        let f = from_header(&h, &[], "x.tab", Family::Icews).unwrap();
        assert_eq!((f.code, f.text), (None, Some(3)));
        let e = from_header(&h, &[], "x.tab", Family::Csv).unwrap_err();
        assert!(e.to_string().contains("no column for `code`"), "{e}");
        let h = header(&[
            "GLOBALEVENTID",
            "SQLDATE",
            "Actor1CountryCode",
            "Actor2CountryCode",
            "EventCode",
            "DATEADDED",
        ]);
        let f = from_header(&h, &[], "x.csv", Family::Gdelt).unwrap();
        assert_eq!((f.code, f.added, f.text), (Some(4), Some(5), None));
    }
}
