//! BibTeX in and out: ordo's own `.bib` file read, entries written with
//! values BibTeX and LaTeX accept.
//!
//! Values are kept as LaTeX, as `ps_bib` has them (`Ther\'{e}se`,
//! `{A}rchigos`); what is made safe is only what would break a `.bib` file
//! or a LaTeX run: braces are balanced (BibTeX stops at an unbalanced one),
//! and a bare `&`, `%`, `#` or `_` is escaped outside addresses and keys
//! (`url`, `doi`, `crossref`), where LaTeX would take it for an alignment,
//! a comment, a parameter or a subscript.

use super::Entry;

/// The entry types the standard BibTeX styles define.
pub const TYPES: &[&str] = &[
    "article",
    "book",
    "booklet",
    "conference",
    "inbook",
    "incollection",
    "inproceedings",
    "manual",
    "mastersthesis",
    "misc",
    "phdthesis",
    "proceedings",
    "techreport",
    "unpublished",
];

/// The order fields are written in; a field not listed comes after these.
pub const FIELD_ORDER: &[&str] = &[
    "author",
    "editor",
    "title",
    "booktitle",
    "journal",
    "series",
    "edition",
    "volume",
    "number",
    "chapter",
    "pages",
    "type",
    "howpublished",
    "institution",
    "organization",
    "school",
    "publisher",
    "address",
    "month",
    "year",
    "note",
    "annote",
    "crossref",
    "key",
    "issn",
    "doi",
    "url",
];

/// Fields holding addresses or keys, written as given (no LaTeX escapes).
const VERBATIM: &[&str] = &["url", "doi", "crossref"];

/// Whether `key` can be a BibTeX key: not empty, no space and none of the
/// characters BibTeX or LaTeX give a meaning in a key.
pub fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| !c.is_whitespace() && !",{}()\"#%'=~\\".contains(c))
}

/// A field's value made safe for a `.bib` file: whitespace runs become one
/// space, braces are balanced, and LaTeX's special characters escaped
/// outside addresses and keys.
pub fn value(field: &str, raw: &str) -> String {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let balanced = balance_braces(&collapsed);
    if VERBATIM.contains(&field) {
        balanced
    } else {
        escape_specials(&balanced)
    }
}

/// Balances braces the way the text shows they were meant: a `}` that
/// closes nothing gets its `{` at the start of its word
/// (`peacesciencer}: An R Package` becomes `{peacesciencer}: An R
/// Package`), a `{` left open is closed at the end of its word. Every brace
/// counts, escaped or not, as in BibTeX.
pub fn balance_braces(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut open: Vec<usize> = Vec::new();
    let mut word_start = 0;
    for c in s.chars() {
        match c {
            '{' => {
                open.push(out.len());
                out.push(c);
            }
            '}' => {
                if open.pop().is_none() {
                    out.insert(word_start, '{');
                }
                out.push(c);
            }
            c if c.is_whitespace() => {
                out.push(c);
                word_start = out.len();
            }
            c => out.push(c),
        }
    }
    // Close the braces left open from the innermost out, each at the end
    // of the word it opened (inserting from the right keeps the positions
    // of the others valid).
    for at in open.into_iter().rev() {
        let end = out[at..]
            .find(char::is_whitespace)
            .map_or(out.len(), |i| at + i);
        out.insert(end, '}');
    }
    out
}

/// Escapes `&`, `%`, `#` and `_` not already escaped.
fn escape_specials(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut escaped = false;
    for c in s.chars() {
        if !escaped && "&%#_".contains(c) {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// The entry as BibTeX: `@type{key,`, one `  field = {value}` line per
/// field, `}`.
pub fn write(entry: &Entry) -> String {
    let mut out = format!("@{}{{{},\n", entry.kind, entry.key);
    let last = entry.fields.len().saturating_sub(1);
    for (i, (name, v)) in entry.fields.iter().enumerate() {
        let comma = if i < last { "," } else { "" };
        out.push_str(&format!("  {name} = {{{v}}}{comma}\n"));
    }
    out.push_str("}\n");
    out
}

/// An entry as read from a `.bib` file: type, key, fields, and the line it
/// starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub kind: String,
    pub key: String,
    pub fields: Vec<(String, String)>,
    pub line: usize,
}

/// A `.bib` file that cannot be read: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

/// Reads the entries of a `.bib` file: `@type{key, name = {value}, …}`
/// with values in braces, in quotes or bare (numbers); text outside entries
/// is a comment, as for BibTeX. `@string`, `@preamble` and `@comment` are
/// refused: ordo's file does not use them.
pub fn parse(text: &str) -> Result<Vec<Parsed>, ParseError> {
    let mut p = Parser {
        text,
        pos: 0,
        entries: Vec::new(),
    };
    while let Some(at) = p.text[p.pos..].find('@') {
        p.pos += at + 1;
        let entry = p.entry()?;
        p.entries.push(entry);
    }
    Ok(p.entries)
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    entries: Vec<Parsed>,
}

impl Parser<'_> {
    fn line(&self) -> usize {
        self.text[..self.pos].matches('\n').count() + 1
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            line: self.line(),
            message: message.into(),
        })
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        self.skip_space();
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Ok(())
        } else {
            self.error(format!("expected `{c}`"))
        }
    }

    /// Characters while `ok` holds.
    fn word(&mut self, ok: impl Fn(char) -> bool) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(&ok) {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        &self.text[start..self.pos]
    }

    fn entry(&mut self) -> Result<Parsed, ParseError> {
        let line = self.line();
        let kind = self.word(|c| c.is_ascii_alphabetic()).to_ascii_lowercase();
        if matches!(kind.as_str(), "string" | "preamble" | "comment") {
            return self.error(format!("@{kind} is not supported"));
        }
        if !TYPES.contains(&kind.as_str()) {
            return self.error(format!("unknown entry type `@{kind}`"));
        }
        self.expect('{')?;
        self.skip_space();
        let key = self.word(|c| c != ',' && !c.is_whitespace()).to_string();
        if !is_key(&key) {
            return self.error(format!("`{key}` is not a BibTeX key"));
        }
        self.expect(',')?;
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some('}') {
                self.pos += 1;
                break;
            }
            let name = self
                .word(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
                .to_ascii_lowercase();
            if name.is_empty() {
                return self.error(format!("expected a field name in entry `{key}`"));
            }
            if fields.iter().any(|(n, _)| *n == name) {
                return self.error(format!("field `{name}` twice in entry `{key}`"));
            }
            self.expect('=')?;
            self.skip_space();
            let value = self.value()?;
            fields.push((name, value));
            self.skip_space();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => {}
                _ => return self.error(format!("expected `,` or `}}` in entry `{key}`")),
            }
        }
        Ok(Parsed {
            kind,
            key,
            fields,
            line,
        })
    }

    fn value(&mut self) -> Result<String, ParseError> {
        match self.peek() {
            Some('{') => {
                let start = self.pos + 1;
                let mut depth = 0usize;
                for (i, c) in self.text[self.pos..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                let end = self.pos + i;
                                self.pos = end + 1;
                                return Ok(self.text[start..end].to_string());
                            }
                        }
                        _ => {}
                    }
                }
                self.error("a value in braces is not closed")
            }
            Some('"') => {
                let start = self.pos + 1;
                let mut depth = 0usize;
                for (i, c) in self.text[start..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth = depth.saturating_sub(1),
                        '"' if depth == 0 => {
                            let end = start + i;
                            self.pos = end + 1;
                            return Ok(self.text[start..end].to_string());
                        }
                        _ => {}
                    }
                }
                self.error("a value in quotes is not closed")
            }
            Some(c) if c.is_ascii_digit() => Ok(self.word(|c| c.is_ascii_digit()).to_string()),
            _ => self.error("expected a value in braces, in quotes or a number"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_are_balanced_where_the_text_meant_them() {
        // ps_bib's title of peacesciencer-package lost its opening brace.
        assert_eq!(
            balance_braces("peacesciencer}: An R Package"),
            "{peacesciencer}: An R Package"
        );
        assert_eq!(
            balance_braces("Introducing {A}rchigos"),
            "Introducing {A}rchigos"
        );
        assert_eq!(balance_braces("The {CS hapes"), "The {CS} hapes");
        assert_eq!(balance_braces("a {b {c d"), "a {b} {c} d");
        assert_eq!(balance_braces("x} y}"), "{x} {y}");
    }

    #[test]
    fn specials_are_escaped_outside_addresses_only() {
        assert_eq!(value("title", "War & Peace"), "War \\& Peace");
        assert_eq!(value("title", "War \\& Peace"), "War \\& Peace");
        assert_eq!(value("note", "50% of a_b #1"), "50\\% of a\\_b \\#1");
        assert_eq!(
            value("url", "https://x.org/a_b?c=1&d=50%"),
            "https://x.org/a_b?c=1&d=50%"
        );
        assert_eq!(value("crossref", "a_b"), "a_b");
        assert_eq!(value("title", "two\n  lines "), "two lines");
    }

    #[test]
    fn keys_are_checked() {
        assert!(is_key("goemansetal2009ia"));
        assert!(is_key("peacesciencer-package"));
        assert!(!is_key(""));
        assert!(!is_key("a b"));
        assert!(!is_key("a,b"));
        assert!(!is_key("a{b"));
    }

    #[test]
    fn a_bib_file_is_read_with_lines_and_errors() {
        let text = "% comment\n@Article{k1,\n  author = {A, B and {C D}},\n  year = 2001,\n  title = \"T {x}\"\n}\n\n@misc{k2, note = {n}}\n";
        let e = parse(text).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].kind, "article");
        assert_eq!(e[0].line, 2);
        assert_eq!(
            e[0].fields,
            vec![
                ("author".to_string(), "A, B and {C D}".to_string()),
                ("year".to_string(), "2001".to_string()),
                ("title".to_string(), "T {x}".to_string()),
            ]
        );
        assert_eq!(e[1].key, "k2");
        let bad = parse("@article{k,\n  title = {open {\n}\n").unwrap_err();
        assert_eq!(bad.line, 2, "{bad:?}");
        let bad = parse("@article{k,\n title = {a},\n title = {b}}").unwrap_err();
        assert!(bad.message.contains("twice"), "{bad:?}");
        assert!(parse("@foo{k, a = {b}}").is_err());
    }
}
