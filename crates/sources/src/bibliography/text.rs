//! An entry as a line of a reference list, author-year (Chicago) style, the
//! way the catalog writes its citations: `Goemans, Henk E., Kristian Skrede
//! Gleditsch, and Giacomo Chiozza. 2009. "Introducing Archigos: A Dataset on
//! Political Leaders." Journal of Peace Research 46(2): 269–83.`
//!
//! The LaTeX of the values becomes plain Unicode text (`Ther\'{e}se` →
//! Thérèse's `é`, `{A}rchigos` → Archigos, `--` → an en dash), and names are
//! read as BibTeX reads them: "First von Last", "von Last, First" or "von
//! Last, Jr, First", a braced group being one word (`{Correlates of War
//! Project}` is one corporate name).

use super::Entry;

/// More authors than this are cut to the first [`SHOWN_WHEN_CUT`] and "et
/// al." (Chicago 17th ed., 14.76).
const MOST_AUTHORS: usize = 10;
const SHOWN_WHEN_CUT: usize = 7;

/// The reference line of an entry.
pub fn reference(e: &Entry) -> String {
    let get = |f: &str| e.get(f).map(plain).filter(|v| !v.is_empty());
    let (who, editors_only) = match (get("author"), e.get("editor")) {
        (Some(_), _) => (e.get("author").map(names_text), false),
        (None, Some(ed)) => (Some(names_text(ed)), true),
        (None, None) => (None, false),
    };
    let mut out = String::new();
    if let Some(who) = who {
        out.push_str(&sentence(&who));
        if editors_only {
            out.truncate(out.len() - 1);
            out.push_str(if e.get("editor").is_some_and(|v| names(v).len() > 1) {
                ", eds."
            } else {
                ", ed."
            });
        }
        out.push(' ');
    }
    out.push_str(&sentence(&get("year").unwrap_or_else(|| "n.d.".into())));
    let title = get("title").unwrap_or_default();
    let quoted = matches!(
        e.kind.as_str(),
        "article" | "incollection" | "inproceedings" | "conference" | "inbook" | "unpublished"
    );
    if !title.is_empty() {
        out.push(' ');
        out.push_str(&if quoted {
            format!("\"{}\"", sentence(&title))
        } else {
            sentence(&title)
        });
    }
    let publisher = match (get("address"), get("publisher")) {
        (Some(a), Some(p)) => Some(format!("{a}: {p}")),
        (a, p) => p.or(a),
    };
    match e.kind.as_str() {
        "article" => {
            let mut venue = get("journal").unwrap_or_default();
            if let Some(v) = get("volume") {
                venue.push_str(&format!(" {v}"));
            }
            if let Some(n) = get("number") {
                venue.push_str(&format!("({n})"));
            }
            if let Some(p) = get("pages") {
                venue.push_str(&format!(": {p}"));
            }
            push_sentence(&mut out, Some(venue));
        }
        "incollection" | "inproceedings" | "conference" | "inbook" => {
            let mut venue = match get("booktitle") {
                Some(b) => format!("In {b}"),
                None => String::new(),
            };
            if let (Some(ed), false) = (e.get("editor"), editors_only) {
                venue.push_str(&format!(", ed. {}", names_in_order(ed)));
            }
            if let Some(p) = get("pages") {
                venue.push_str(&format!(", {p}"));
            }
            push_sentence(&mut out, Some(venue));
            push_sentence(&mut out, publisher);
        }
        "book" => push_sentence(&mut out, publisher),
        _ => {
            for f in ["howpublished", "institution", "organization", "school"] {
                push_sentence(&mut out, get(f));
            }
            push_sentence(&mut out, publisher);
        }
    }
    push_sentence(&mut out, get("note"));
    match (e.get("doi"), e.get("url")) {
        (Some(doi), _) => out.push_str(&format!(" doi:{doi}")),
        (None, Some(url)) => out.push_str(&format!(" {url}")),
        (None, None) => {}
    }
    out
}

/// Appends ` text.` when there is text.
fn push_sentence(out: &mut String, text: Option<String>) {
    if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
        out.push(' ');
        out.push_str(&sentence(&t));
    }
}

/// `s` ending with a full stop, unless it already ends a sentence.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '?', '!']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// One name as BibTeX parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Name {
    pub first: String,
    pub von: String,
    pub last: String,
    pub jr: String,
}

impl Name {
    /// "von Last, First, Jr" (the first name of a list).
    fn inverted(&self) -> String {
        let mut s = join_words(&[&self.von, &self.last]);
        if !self.first.is_empty() {
            s.push_str(&format!(", {}", self.first));
        }
        if !self.jr.is_empty() {
            s.push_str(&format!(", {}", self.jr));
        }
        s
    }

    /// "First von Last, Jr".
    fn in_order(&self) -> String {
        let mut s = join_words(&[&self.first, &self.von, &self.last]);
        if !self.jr.is_empty() {
            s.push_str(&format!(", {}", self.jr));
        }
        s
    }
}

fn join_words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names of a BibTeX name list (`A and B and C`), each as plain text.
pub fn names(list: &str) -> Vec<Name> {
    split_top(list, |w| w.eq_ignore_ascii_case("and"))
        .into_iter()
        .map(|words| name(&words.join(" ")))
        .collect()
}

/// A name list as a reference list starts: the first name inverted, the
/// others in order, the last after "and".
fn names_text(list: &str) -> String {
    let names = names(list);
    let mut shown: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| if i == 0 { n.inverted() } else { n.in_order() })
        .collect();
    if shown.len() > MOST_AUTHORS {
        shown.truncate(SHOWN_WHEN_CUT);
        return format!("{}, et al.", shown.join(", "));
    }
    series(shown)
}

/// A name list with every name in order ("ed. Bruce Russett").
fn names_in_order(list: &str) -> String {
    series(names(list).iter().map(Name::in_order).collect())
}

/// `A`, `A, and B`, `A, B, and C`.
fn series(mut items: Vec<String>) -> String {
    match items.len() {
        0 | 1 => items.pop().unwrap_or_default(),
        _ => {
            let last = items.pop().expect("two or more");
            format!("{}, and {last}", items.join(", "))
        }
    }
}

/// Splits at top-level (outside braces) whitespace into words, then into
/// groups separated by the words `sep` accepts.
fn split_top(s: &str, sep: impl Fn(&str) -> bool) -> Vec<Vec<String>> {
    let mut groups = vec![Vec::new()];
    for w in words(s) {
        if sep(&w) {
            groups.push(Vec::new());
        } else {
            groups.last_mut().expect("one group").push(w);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Words separated by whitespace outside braces.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut cur, mut depth) = (String::new(), 0usize);
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// One name, BibTeX's way.
fn name(s: &str) -> Name {
    let parts = split_commas(s);
    let text = |ws: &[String]| plain(&ws.join(" "));
    match parts.as_slice() {
        [one] => {
            let ws = words(one);
            let n = ws.len();
            if n <= 1 {
                return Name {
                    last: text(&ws),
                    ..Name::default()
                };
            }
            // von: from the first lower-case word before the last word to
            // the last such word.
            let lower: Vec<usize> = (0..n - 1).filter(|&i| is_lower(&ws[i])).collect();
            match (lower.first(), lower.last()) {
                (Some(&a), Some(&b)) => Name {
                    first: text(&ws[..a]),
                    von: text(&ws[a..=b]),
                    last: text(&ws[b + 1..]),
                    jr: String::new(),
                },
                _ => Name {
                    first: text(&ws[..n - 1]),
                    last: text(&ws[n - 1..]),
                    ..Name::default()
                },
            }
        }
        [von_last, rest @ ..] => {
            let ws = words(von_last);
            let n = ws.len();
            let von_end = (0..n.saturating_sub(1))
                .take_while(|&i| is_lower(&ws[i]))
                .last()
                .map_or(0, |i| i + 1);
            let (jr, first) = match rest {
                [first] => (String::new(), plain(first)),
                [jr, first, ..] => (plain(jr), plain(first)),
                [] => unreachable!("two or more parts"),
            };
            Name {
                first,
                von: text(&ws[..von_end]),
                last: text(&ws[von_end..]),
                jr,
            }
        }
        [] => Name::default(),
    }
}

/// Splits a name at its top-level commas, trimming each part.
fn split_commas(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().expect("one part").push(c);
    }
    parts.into_iter().map(|p| p.trim().to_string()).collect()
}

/// Whether a word starts in lower case (a "von" word): its first letter
/// outside braces; a word starting with a brace group is not.
fn is_lower(word: &str) -> bool {
    for c in word.chars() {
        if c == '{' {
            return false;
        }
        if c.is_alphabetic() {
            return c.is_lowercase();
        }
    }
    false
}

/// LaTeX as plain Unicode text: accents composed, `\o`, `\ss` and the like
/// as their letters, escaped specials as themselves, braces removed, `---`
/// and `--` as em and en dashes, `~` as a space.
pub fn plain(latex: &str) -> String {
    let chars: Vec<char> = latex.chars().collect();
    let mut out = String::with_capacity(latex.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                i += 1;
                let Some(&next) = chars.get(i) else { break };
                if "'`^\"~=.".contains(next) {
                    i += 1;
                    let (base, used) = accent_argument(&chars[i..]);
                    i += used;
                    out.push_str(&accented(next, base));
                    continue;
                }
                if next.is_ascii_alphabetic() {
                    let start = i;
                    while chars.get(i).is_some_and(char::is_ascii_alphabetic) {
                        i += 1;
                    }
                    let command: String = chars[start..i].iter().collect();
                    if let Some(letter) = letter_command(&command) {
                        out.push_str(letter);
                        // A control word eats the space after it.
                        if chars.get(i) == Some(&' ') {
                            i += 1;
                        }
                        continue;
                    }
                    if let Some(accent) = accent_command(&command) {
                        while chars.get(i) == Some(&' ') {
                            i += 1;
                        }
                        let (base, used) = accent_argument(&chars[i..]);
                        i += used;
                        out.push_str(&accented(accent, base));
                        continue;
                    }
                    // Unknown command: keep its name, as a reader would.
                    out.push_str(&command);
                    continue;
                }
                // `\&`, `\%`, `\{`, … are the characters themselves.
                out.push(next);
                i += 1;
            }
            '{' | '}' => i += 1,
            '~' => {
                out.push(' ');
                i += 1;
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                if chars.get(i + 2) == Some(&'-') {
                    out.push('—');
                    i += 3;
                } else {
                    out.push('–');
                    i += 2;
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The letter an accent applies to (`{o}`, `o`, `{\i}`) and the characters
/// it took.
fn accent_argument(rest: &[char]) -> (Option<char>, usize) {
    match rest {
        ['{', '\\', 'i', '}', ..] | ['{', '\\', 'j', '}', ..] => (Some(rest[2]), 4),
        ['{', c, '}', ..] => (Some(*c), 3),
        ['{', '}', ..] => (None, 2),
        ['\\', c @ ('i' | 'j'), ..] => (Some(*c), 2),
        [c, ..] if c.is_alphabetic() => (Some(*c), 1),
        _ => (None, 0),
    }
}

/// Control words that are letters.
fn letter_command(name: &str) -> Option<&'static str> {
    Some(match name {
        "o" => "ø",
        "O" => "Ø",
        "ss" => "ß",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "i" => "ı",
        "j" => "ȷ",
        _ => return None,
    })
}

/// Control words that are accents, as the symbol [`accented`] takes.
fn accent_command(name: &str) -> Option<char> {
    Some(match name {
        "c" => 'c',
        "v" => 'v',
        "u" => 'u',
        "H" => 'H',
        "k" => 'k',
        "r" => 'r',
        _ => return None,
    })
}

/// A letter with an accent, precomposed where Unicode has it, else the
/// letter and the combining mark.
fn accented(accent: char, base: Option<char>) -> String {
    let Some(base) = base else {
        return String::new();
    };
    let (table, combining) = match accent {
        '\'' => ("aáeéiíoóuúyýcćnńsśzźAÁEÉIÍOÓUÚYÝCĆNŃSŚZŹ", '\u{301}'),
        '`' => ("aàeèiìoòuùAÀEÈIÌOÒUÙ", '\u{300}'),
        '^' => ("aâeêiîoôuûAÂEÊIÎOÔUÛ", '\u{302}'),
        '"' => ("aäeëiïoöuüyÿAÄEËIÏOÖUÜ", '\u{308}'),
        '~' => ("aãnñoõAÃNÑOÕ", '\u{303}'),
        '=' => ("aāeēiīoōuūAĀEĒIĪOŌUŪ", '\u{304}'),
        '.' => ("zżeėZŻEĖ", '\u{307}'),
        'v' => ("cčsšzžrřeěnňCČSŠZŽRŘEĚNŇ", '\u{30C}'),
        'c' => ("cçsşCÇSŞ", '\u{327}'),
        'u' => ("aăgğAĂGĞ", '\u{306}'),
        'H' => ("oőuűOŐUŰ", '\u{30B}'),
        'k' => ("aąeęAĄEĘ", '\u{328}'),
        'r' => ("aåuůAÅUŮ", '\u{30A}'),
        _ => ("", '\u{301}'),
    };
    let pairs: Vec<char> = table.chars().collect();
    pairs
        .chunks(2)
        .find(|p| p[0] == base)
        .map_or_else(|| format!("{base}{combining}"), |p| p[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_becomes_plain_text() {
        assert_eq!(plain("Introducing {A}rchigos"), "Introducing Archigos");
        assert_eq!(plain("Ther\\'{e}se Pettersson"), "Therése Pettersson");
        assert_eq!(plain("Stina H\\\"{o}gbladh"), "Stina Högbladh");
        assert_eq!(plain("Haakon Gjerl{\\o}w"), "Haakon Gjerløw");
        assert_eq!(plain("Johannes von R{\\\"o}mer"), "Johannes von Römer");
        assert_eq!(plain("R{\\\"{u}}egger"), "Rüegger");
        assert_eq!(plain("Dra{\\v{z}}anov{\\'a}"), "Dražanová");
        assert_eq!(plain("269--83"), "269–83");
        assert_eq!(plain("A---B"), "A—B");
        assert_eq!(plain("not-so-constant"), "not-so-constant");
        assert_eq!(plain("War \\& Peace, 50\\%"), "War & Peace, 50%");
        assert_eq!(plain("{\\ss}e \\ss e"), "ße ße");
        assert_eq!(plain("\\'{\\i}"), "í");
    }

    fn parts(s: &str) -> (String, String, String, String) {
        let n = name(s);
        (n.first, n.von, n.last, n.jr)
    }

    fn p(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
        (a.into(), b.into(), c.into(), d.into())
    }

    #[test]
    fn names_are_read_as_bibtex_reads_them() {
        assert_eq!(parts("Henk E. Goemans"), p("Henk E.", "", "Goemans", ""));
        assert_eq!(
            parts("Stinnett, Douglas M."),
            p("Douglas M.", "", "Stinnett", "")
        );
        assert_eq!(
            parts("Johannes von R{\\\"o}mer"),
            p("Johannes", "von", "Römer", "")
        );
        assert_eq!(
            parts("Daniel W. {Hill, Jr.}"),
            p("Daniel W.", "", "Hill, Jr.", "")
        );
        assert_eq!(
            parts("Jon {C.W.} Pevehouse"),
            p("Jon C.W.", "", "Pevehouse", "")
        );
        assert_eq!(
            parts("{Correlates of War Project}"),
            p("", "", "Correlates of War Project", "")
        );
        assert_eq!(parts("Carter, Jr, Jeff"), p("Jeff", "", "Carter", "Jr"));
        assert_eq!(names("A B and C D and {E and F}").len(), 3);
    }

    #[test]
    fn name_lists_follow_chicago() {
        assert_eq!(
            names_text("Natalizia, Gabriele and Morini, Mara"),
            "Natalizia, Gabriele, and Mara Morini"
        );
        assert_eq!(
            names_text("Henk E. Goemans and Kristian Skrede Gleditsch and Giacomo Chiozza"),
            "Goemans, Henk E., Kristian Skrede Gleditsch, and Giacomo Chiozza"
        );
        assert_eq!(names_text("Erich Weede"), "Weede, Erich");
        let eleven: Vec<String> = (1..=11).map(|i| format!("A{i} B{i}")).collect();
        assert_eq!(
            names_text(&eleven.join(" and ")),
            "B1, A1, A2 B2, A3 B3, A4 B4, A5 B5, A6 B6, A7 B7, et al."
        );
    }
}
