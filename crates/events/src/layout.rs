//! Where each field of an event sits in a row, per input layout.
//!
//! GDELT files have no header: the layout is recognised per row from its
//! width (57 fields: GDELT 1.0 back-file 1979–2013-03; 58: GDELT 1.0 daily
//! files from 2013-04 with `SOURCEURL`; 61: GDELT 2.0 with `ADM2Code` in each
//! geo block). Fields 1–35 are the same in all three, so only the URL moves.
//! Files with a header row (R-written GDELT extracts, ICEWS, user CSV) are
//! mapped by column name.

use crate::EventsError;

/// The event data family, which decides the de-duplication key and the
/// default actor scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Gdelt = 0,
    Icews = 1,
    Csv = 2,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Gdelt => "gdelt",
            Family::Icews => "icews",
            Family::Csv => "csv",
        }
    }

    pub fn parse(text: &str) -> Result<Family, EventsError> {
        match text {
            "gdelt" => Ok(Family::Gdelt),
            "icews" => Ok(Family::Icews),
            "csv" => Ok(Family::Csv),
            other => Err(EventsError::Usage(format!(
                "unknown event source `{other}` (gdelt, icews, csv)"
            ))),
        }
    }

    pub fn from_tag(tag: u8) -> Family {
        match tag {
            0 => Family::Gdelt,
            1 => Family::Icews,
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
    pub code: usize,
    pub is_root: Option<usize>,
    pub quad: Option<usize>,
    pub goldstein: Option<usize>,
    pub mentions: Option<usize>,
    pub sources: Option<usize>,
    pub articles: Option<usize>,
    pub url: Option<usize>,
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

const fn gdelt(url: Option<usize>) -> Fields {
    Fields {
        id: 0,
        date: 1,
        actor1: 7,
        actor2: 17,
        is_root: Some(25),
        code: 26,
        quad: Some(29),
        goldstein: Some(30),
        mentions: Some(31),
        sources: Some(32),
        articles: Some(33),
        url,
    }
}

static GDELT_57: Fields = gdelt(None);
static GDELT_58: Fields = gdelt(Some(57));
static GDELT_61: Fields = gdelt(Some(60));

/// Names each field goes by in files with a header (GDELT names, ICEWS
/// Dataverse names, the `icews` R package's snake_case names).
const NAMES: [(&str, &[&str]); 12] = [
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
/// known names. `id`, `date`, `actor1`, `actor2` and `code` are required.
pub fn from_header(
    header: &[String],
    user: &[(String, String)],
    file: &str,
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
    Ok(Fields {
        id: need("id")?,
        date: need("date")?,
        actor1: need("actor1")?,
        actor2: need("actor2")?,
        code: need("code")?,
        is_root: find("is_root"),
        quad: find("quad"),
        goldstein: find("goldstein"),
        mentions: find("mentions"),
        sources: find("sources"),
        articles: find("articles"),
        url: find("url"),
    })
}
