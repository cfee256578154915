//! Names people type, in English, Italian, French and Russian, current and
//! historical, from ordo's project data (`data/names.csv`) plus the COW names.
//!
//! Matching is on a normalised form (see [`normalize`]) so that case, accents,
//! dots and apostrophes do not matter: "Unione Sovietica", "union sovietique",
//! "U.S.S.R." and "СССР" all find their entry.

use crate::code::StateCode;
use crate::spell::parse_iso;
use crate::system::StateSystem;
use crate::StatesError;
use std::collections::HashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const FILE: &str = "crates/states/data/names.csv";
const TEXT: &str = include_str!("../data/names.csv");

/// One name of a state.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub ccode: StateCode,
    /// `en`, `it`, `fr`, `ru`.
    pub lang: String,
    pub name: String,
    /// `short`, `official`, `historical`, `abbrev`, or `cow` (the COW name).
    pub kind: String,
    pub note: String,
}

/// Names indexed by normalised form.
#[derive(Debug, Clone)]
pub struct NameIndex {
    entries: Vec<NameEntry>,
    by_key: HashMap<String, Vec<usize>>,
}

/// Lowercase letters and digits only: accents, spaces, dots, hyphens and
/// apostrophes dropped (so "Côte d'Ivoire" = "cote d ivoire"); `ё` folds to `е`.
pub fn normalize(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

impl NameIndex {
    /// The names shipped with ordo plus the COW name of every state; every
    /// code must be a COW state.
    pub fn builtin(system: &StateSystem) -> Result<NameIndex, StatesError> {
        let mut entries = parse(TEXT)?;
        if let Some((line, e)) = entries
            .iter()
            .enumerate()
            .find(|(_, e)| system.get(e.ccode).is_none())
        {
            return Err(StatesError::ProjectData {
                file: FILE,
                line: line as u64 + 2,
                message: format!(
                    "ccode {} ({}) is not in the COW state system",
                    e.ccode, e.name
                ),
            });
        }
        entries.extend(system.iter().map(|s| NameEntry {
            ccode: s.code,
            lang: "en".into(),
            name: s.name.clone(),
            kind: "cow".into(),
            note: String::new(),
        }));
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let ids = by_key.entry(normalize(&e.name)).or_default();
            if !ids.iter().any(|&j| entries[j].ccode == e.ccode) {
                ids.push(i);
            }
        }
        Ok(NameIndex { entries, by_key })
    }

    /// Entries whose normalised name equals the normalised input, one per
    /// state.
    pub fn lookup(&self, input: &str) -> Vec<&NameEntry> {
        self.by_key
            .get(&normalize(input))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
            .collect()
    }

    /// All names of a state.
    pub fn of_state(&self, ccode: StateCode) -> impl Iterator<Item = &NameEntry> {
        self.entries.iter().filter(move |e| e.ccode == ccode)
    }

    /// Normalised keys with their entries (for suggestions).
    pub fn keys(&self) -> impl Iterator<Item = (&str, &NameEntry)> {
        self.by_key
            .iter()
            .flat_map(move |(k, ids)| ids.iter().map(move |&i| (k.as_str(), &self.entries[i])))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse(text: &str) -> Result<Vec<NameEntry>, StatesError> {
    let err = |line: u64, message: String| StatesError::ProjectData {
        file: FILE,
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| err(1, e.to_string()))?.clone();
    if header.iter().collect::<Vec<_>>() != ["ccode", "lang", "name", "kind", "from", "to", "note"]
    {
        return Err(err(
            1,
            format!("header must be ccode,lang,name,kind,from,to,note, found {header:?}"),
        ));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| err(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let f = |i: usize| record.get(i).unwrap_or("").trim();
        let ccode = f(0)
            .parse::<i64>()
            .ok()
            .and_then(StateCode::from_i64)
            .ok_or_else(|| err(line, format!("column `ccode`: not a COW code: {:?}", f(0))))?;
        if !matches!(f(1), "en" | "it" | "fr" | "ru") {
            return Err(err(
                line,
                format!("column `lang`: expected en, it, fr or ru, found {:?}", f(1)),
            ));
        }
        if f(2).is_empty() {
            return Err(err(line, "column `name` is empty".into()));
        }
        for (i, col) in [(4, "from"), (5, "to")] {
            if !f(i).is_empty() && parse_iso(f(i)).is_none() {
                return Err(err(
                    line,
                    format!("column `{col}`: not a date YYYY-MM-DD: {:?}", f(i)),
                ));
            }
        }
        out.push(NameEntry {
            ccode,
            lang: f(1).into(),
            name: f(2).into(),
            kind: f(3).into(),
            note: f(6).into(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalisation_ignores_case_accents_dots_and_apostrophes() {
        assert_eq!(normalize("Union soviétique"), "unionsovietique");
        assert_eq!(normalize("U.S.S.R."), "ussr");
        assert_eq!(normalize("Côte d'Ivoire"), normalize("cote d ivoire"));
        assert_eq!(normalize("  Regno  d’Italia "), "regnoditalia");
        assert_eq!(normalize("Россия"), "россия");
        assert_eq!(normalize("Объединённое"), normalize("Объединенное"));
        assert_eq!(normalize("Austria-Hungary"), "austriahungary");
    }
}
