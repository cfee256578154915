//! A reader for R's serialization format (`.rda`/`.RData` files written by
//! `save()`, and the stream inside `.rds` files), enough to read data frames.
//!
//! Why hand-written: the crate the ecosystem offers, `rds2rust` (0.1.41,
//! checked on every `.rda` ordo pulls), reads `NA_character_` as the string
//! `"NA"`. The UN votes hold both — `NA` is Namibia's country code there, and
//! the Yemen Arab Republic's code is missing — so that reader would turn a
//! missing value into a country. It also ignores the encoding flags of
//! strings (Latin-1 strings must be re-encoded, UTF-8 ones must be valid) and
//! does not take the version-2 files (`RDX2`) of older packages. The format
//! is small and fixed (R Internals, "Serialization Formats"; R's
//! `src/main/serialize.c`), so the part ordo needs is written here against
//! that description: XDR (big-endian) streams of versions 2 and 3, the vector
//! types, attributes, pairlists, symbols and references, environments (read
//! and dropped), and the ALTREP forms R writes for compact sequences and
//! wrapped vectors.
//!
//! Every problem is an error with the byte offset where it was found; a
//! malformed or hostile file cannot make the reader panic or allocate more
//! than the file could hold.

use std::fmt;

/// An R value as ordo needs it: vectors with their attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct RObject {
    pub value: RValue,
    /// Attributes in stream order (`names`, `class`, `levels`, `row.names`…).
    pub attributes: Vec<(String, RObject)>,
}

/// The value of an R object. Missing values are `None` (R's `NA`); for
/// doubles, R's `NA_real_` is `None` and any other NaN stays a NaN.
#[derive(Debug, Clone, PartialEq)]
pub enum RValue {
    Null,
    Logical(Vec<Option<bool>>),
    Integer(Vec<Option<i32>>),
    Real(Vec<Option<f64>>),
    Complex(Vec<Option<(f64, f64)>>),
    Character(Vec<Option<String>>),
    Raw(Vec<u8>),
    List(Vec<RObject>),
    /// A pairlist (attributes, the objects of a `save()` file) with its tags.
    Pairlist(Vec<(Option<String>, RObject)>),
    Symbol(String),
    /// Something ordo never converts (environments, functions, calls…),
    /// kept by kind so that an error can name it.
    Other(&'static str),
}

impl RObject {
    fn plain(value: RValue) -> RObject {
        RObject {
            value,
            attributes: Vec::new(),
        }
    }

    /// The attribute `name`, if set.
    pub fn attribute(&self, name: &str) -> Option<&RObject> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// The strings of a character attribute (`class`, `names`, `levels`).
    pub fn strings_of(&self, name: &str) -> Vec<String> {
        match self.attribute(name).map(|a| &a.value) {
            Some(RValue::Character(v)) => v.iter().flatten().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Whether `class` includes `class`.
    pub fn inherits(&self, class: &str) -> bool {
        self.strings_of("class").iter().any(|c| c == class)
    }

    /// A short name of the value's type, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            RValue::Null => "NULL",
            RValue::Logical(_) => "logical",
            RValue::Integer(_) => "integer",
            RValue::Real(_) => "double",
            RValue::Complex(_) => "complex",
            RValue::Character(_) => "character",
            RValue::Raw(_) => "raw",
            RValue::List(_) => "list",
            RValue::Pairlist(_) => "pairlist",
            RValue::Symbol(_) => "symbol",
            RValue::Other(k) => k,
        }
    }
}

/// A file that is not a serialization ordo can read, with where it broke.
#[derive(Debug, Clone, PartialEq)]
pub struct RdataError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for RdataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at byte {} of the decompressed stream)",
            self.message, self.offset
        )
    }
}

impl std::error::Error for RdataError {}

/// Reads the objects of a decompressed `save()` file (`RDX2`/`RDX3` then an
/// XDR stream holding a tagged pairlist): `(name, object)` in file order.
pub fn read_rda(bytes: &[u8]) -> Result<Vec<(String, RObject)>, RdataError> {
    let body = bytes
        .strip_prefix(b"RDX3\n")
        .or_else(|| bytes.strip_prefix(b"RDX2\n"))
        .ok_or_else(|| RdataError {
            offset: 0,
            message: "not an R save() file: it does not start with RDX2 or RDX3".into(),
        })?;
    let mut reader = Reader::new(body, 5);
    let top = reader.stream()?;
    match top.value {
        RValue::Pairlist(items) => items
            .into_iter()
            .map(|(tag, obj)| {
                tag.map(|t| (t, obj)).ok_or_else(|| RdataError {
                    offset: 5,
                    message: "an object of the save() file has no name".into(),
                })
            })
            .collect(),
        RValue::Null => Ok(Vec::new()),
        _ => Err(RdataError {
            offset: 5,
            message: format!(
                "a save() file holds a pairlist of objects, this one a {}",
                top.kind()
            ),
        }),
    }
}

// Type codes of R's SEXPs and of the serialization's special markers.
const NILSXP: u32 = 0;
const SYMSXP: u32 = 1;
const LISTSXP: u32 = 2;
const CLOSXP: u32 = 3;
const ENVSXP: u32 = 4;
const PROMSXP: u32 = 5;
const LANGSXP: u32 = 6;
const SPECIALSXP: u32 = 7;
const BUILTINSXP: u32 = 8;
const CHARSXP: u32 = 9;
const LGLSXP: u32 = 10;
const INTSXP: u32 = 13;
const REALSXP: u32 = 14;
const CPLXSXP: u32 = 15;
const STRSXP: u32 = 16;
const DOTSXP: u32 = 17;
const VECSXP: u32 = 19;
const EXPRSXP: u32 = 20;
const EXTPTRSXP: u32 = 22;
const WEAKREFSXP: u32 = 23;
const RAWSXP: u32 = 24;
const S4SXP: u32 = 25;
const ALTREP_SXP: u32 = 238;
const ATTRLISTSXP: u32 = 239;
const ATTRLANGSXP: u32 = 240;
const BASEENV_SXP: u32 = 241;
const EMPTYENV_SXP: u32 = 242;
const GENERICREFSXP: u32 = 245;
const CLASSREFSXP: u32 = 246;
const PERSISTSXP: u32 = 247;
const PACKAGESXP: u32 = 248;
const NAMESPACESXP: u32 = 249;
const BASENAMESPACE_SXP: u32 = 250;
const MISSINGARG_SXP: u32 = 251;
const UNBOUNDVALUE_SXP: u32 = 252;
const GLOBALENV_SXP: u32 = 253;
const NILVALUE_SXP: u32 = 254;
const REFSXP: u32 = 255;

const HAS_ATTR: u32 = 1 << 9;
const HAS_TAG: u32 = 1 << 10;
// Encoding bits of a CHARSXP's `levels` (flags >> 12).
const LATIN1_MASK: u32 = 1 << 2;
const BYTES_MASK: u32 = 1 << 1;

/// R's `NA_real_`: a NaN whose low word is 1954.
fn is_na_real(bits: u64) -> bool {
    bits & 0xFFFF_FFFF == 1954 && (bits >> 52) & 0x7FF == 0x7FF
}

/// Nesting deeper than this is refused (a hostile file would otherwise
/// exhaust the stack); R's own data never comes close.
const MAX_DEPTH: usize = 512;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes[0]` in the decompressed stream, for messages.
    base: usize,
    /// Objects that later `REFSXP`s point back to (symbols, environments).
    refs: Vec<RObject>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], base: usize) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            base,
            refs: Vec::new(),
            depth: 0,
        }
    }

    fn error(&self, message: impl Into<String>) -> RdataError {
        RdataError {
            offset: self.base + self.pos,
            message: message.into(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], RdataError> {
        if self.bytes.len() - self.pos < n {
            return Err(self.error(format!(
                "the stream ends early: {n} bytes wanted, {} left",
                self.bytes.len() - self.pos
            )));
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    fn int(&mut self) -> Result<i32, RdataError> {
        let b = self.take(4)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn word(&mut self) -> Result<u32, RdataError> {
        Ok(self.int()? as u32)
    }

    fn double_bits(&mut self) -> Result<u64, RdataError> {
        let b = self.take(8)?;
        Ok(u64::from_be_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }

    /// The stream header (format, versions, native encoding) and the object.
    fn stream(&mut self) -> Result<RObject, RdataError> {
        match self.take(2)? {
            b"X\n" => {}
            b"A\n" | b"B\n" => {
                return Err(self.error(
                    "the stream is in R's ASCII or native binary format; ordo reads the XDR \
                     format save() writes by default",
                ))
            }
            _ => return Err(self.error("not an R serialization stream (no format marker)")),
        }
        let version = self.int()?;
        let _writer = self.int()?;
        let _min_reader = self.int()?;
        match version {
            2 => {}
            3 => {
                let n = self.length_of("native encoding name")?;
                self.take(n)?;
            }
            v => return Err(self.error(format!("serialization version {v} is not supported"))),
        }
        self.item()
    }

    /// A non-negative length that fits in what is left of the stream, given
    /// the size of one element (so a corrupt length cannot allocate much).
    fn vector_length(&mut self, element: usize) -> Result<usize, RdataError> {
        let n = self.int()?;
        let n: i64 = if n == -1 {
            let hi = self.word()? as i64;
            let lo = self.word()? as i64;
            (hi << 32) | lo
        } else {
            n as i64
        };
        if n < 0 {
            return Err(self.error(format!("negative vector length {n}")));
        }
        let left = (self.bytes.len() - self.pos) as i64;
        if n.saturating_mul(element.max(1) as i64) > left {
            return Err(self.error(format!(
                "a vector of {n} elements cannot fit in the {left} bytes left"
            )));
        }
        Ok(n as usize)
    }

    fn length_of(&mut self, what: &str) -> Result<usize, RdataError> {
        let n = self.int()?;
        if n < 0 || n as usize > self.bytes.len() - self.pos {
            return Err(self.error(format!("bad length {n} of the {what}")));
        }
        Ok(n as usize)
    }

    fn item(&mut self) -> Result<RObject, RdataError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("objects nested too deeply"));
        }
        let flags = self.word()?;
        let result = self.item_with(flags);
        self.depth -= 1;
        result
    }

    fn item_with(&mut self, flags: u32) -> Result<RObject, RdataError> {
        let kind = flags & 0xFF;
        let has_attr = flags & HAS_ATTR != 0;
        let other = |k| Ok(RObject::plain(RValue::Other(k)));
        match kind {
            NILVALUE_SXP => Ok(RObject::plain(RValue::Null)),
            EMPTYENV_SXP | BASEENV_SXP | GLOBALENV_SXP | BASENAMESPACE_SXP => other("environment"),
            UNBOUNDVALUE_SXP | MISSINGARG_SXP => other("marker"),
            REFSXP => {
                let index = match flags >> 8 {
                    0 => self.int()? as usize,
                    i => i as usize,
                };
                self.refs
                    .get(index.wrapping_sub(1))
                    .cloned()
                    .ok_or_else(|| self.error(format!("reference {index} to nothing read")))
            }
            PERSISTSXP | PACKAGESXP | NAMESPACESXP => {
                self.string_vec()?;
                let obj = RObject::plain(RValue::Other("namespace"));
                self.refs.push(obj.clone());
                Ok(obj)
            }
            SYMSXP => {
                let name = match self.item()?.value {
                    RValue::Character(mut v) if v.len() == 1 => v.pop().flatten(),
                    _ => None,
                }
                .unwrap_or_default();
                let obj = RObject::plain(RValue::Symbol(name));
                self.refs.push(obj.clone());
                Ok(obj)
            }
            ENVSXP => {
                let _locked = self.int()?;
                self.refs.push(RObject::plain(RValue::Other("environment")));
                for _ in 0..4 {
                    self.item()?; // enclosure, frame, hash table, attributes
                }
                other("environment")
            }
            LISTSXP | LANGSXP | CLOSXP | PROMSXP | DOTSXP | ATTRLISTSXP | ATTRLANGSXP => {
                self.pairlist(flags)
            }
            SPECIALSXP | BUILTINSXP => {
                let n = self.length_of("primitive's name")?;
                self.take(n)?;
                other("function")
            }
            CHARSXP => Ok(RObject::plain(RValue::Character(
                vec![self.charsxp(flags)?],
            ))),
            S4SXP => {
                let attributes = if has_attr {
                    self.attributes()?
                } else {
                    Vec::new()
                };
                Ok(RObject {
                    value: RValue::Other("S4 object"),
                    attributes,
                })
            }
            ALTREP_SXP => self.altrep(),
            EXTPTRSXP | WEAKREFSXP => {
                // A pointer R cannot save (data.table's `.internal.selfref`
                // attribute): its protected value and tag, then attributes.
                self.refs
                    .push(RObject::plain(RValue::Other("external pointer")));
                if kind == EXTPTRSXP {
                    self.item()?;
                    self.item()?;
                }
                if has_attr {
                    self.attributes()?;
                }
                other("external pointer")
            }
            GENERICREFSXP | CLASSREFSXP => {
                Err(self.error(format!("unsupported serialization marker {kind}")))
            }
            _ => {
                let value = self.vector(kind)?;
                let attributes = if has_attr {
                    self.attributes()?
                } else {
                    Vec::new()
                };
                Ok(RObject { value, attributes })
            }
        }
    }

    fn vector(&mut self, kind: u32) -> Result<RValue, RdataError> {
        Ok(match kind {
            NILSXP => RValue::Null,
            LGLSXP => {
                let n = self.vector_length(4)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(match self.int()? {
                        i32::MIN => None,
                        0 => Some(false),
                        _ => Some(true),
                    });
                }
                RValue::Logical(v)
            }
            INTSXP => {
                let n = self.vector_length(4)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let x = self.int()?;
                    v.push((x != i32::MIN).then_some(x));
                }
                RValue::Integer(v)
            }
            REALSXP => {
                let n = self.vector_length(8)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let bits = self.double_bits()?;
                    v.push((!is_na_real(bits)).then(|| f64::from_bits(bits)));
                }
                RValue::Real(v)
            }
            CPLXSXP => {
                let n = self.vector_length(16)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let (re, im) = (self.double_bits()?, self.double_bits()?);
                    v.push(
                        (!is_na_real(re) && !is_na_real(im))
                            .then(|| (f64::from_bits(re), f64::from_bits(im))),
                    );
                }
                RValue::Complex(v)
            }
            STRSXP => {
                let n = self.vector_length(8)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let flags = self.word()?;
                    if flags & 0xFF != CHARSXP {
                        return Err(self.error("a character vector holds something not a string"));
                    }
                    v.push(self.charsxp(flags)?);
                }
                RValue::Character(v)
            }
            VECSXP | EXPRSXP => {
                let n = self.vector_length(4)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.item()?);
                }
                RValue::List(v)
            }
            RAWSXP => {
                let n = self.vector_length(1)?;
                RValue::Raw(self.take(n)?.to_vec())
            }
            k => return Err(self.error(format!("unsupported object type {k}"))),
        })
    }

    /// One string; `None` is `NA_character_`. Latin-1 strings are
    /// re-encoded; all others must be valid UTF-8 (ASCII, UTF-8 or, as in
    /// package data without a flag, the UTF-8 R wrote them in).
    fn charsxp(&mut self, flags: u32) -> Result<Option<String>, RdataError> {
        let n = self.int()?;
        if n == -1 {
            return Ok(None);
        }
        if n < 0 || n as usize > self.bytes.len() - self.pos {
            return Err(self.error(format!("bad string length {n}")));
        }
        let start = self.pos;
        let bytes = self.take(n as usize)?;
        let levels = flags >> 12;
        if levels & LATIN1_MASK != 0 {
            return Ok(Some(bytes.iter().map(|&b| b as char).collect()));
        }
        if levels & BYTES_MASK != 0 {
            return Err(RdataError {
                offset: self.base + start,
                message: "a string is marked as raw bytes, not text".into(),
            });
        }
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|e| RdataError {
                offset: self.base + start + e.utf8_error().valid_up_to(),
                message: "a string is not valid UTF-8".into(),
            })
    }

    /// `InStringVec`: a zero, a length, then that many strings.
    fn string_vec(&mut self) -> Result<(), RdataError> {
        if self.int()? != 0 {
            return Err(self.error("names of a package or namespace are malformed"));
        }
        let n = self.vector_length(4)?;
        for _ in 0..n {
            self.item()?;
        }
        Ok(())
    }

    /// A pairlist-like chain (pairlists, calls, closures), read iteratively
    /// along its tail so long lists do not nest.
    fn pairlist(&mut self, mut flags: u32) -> Result<RObject, RdataError> {
        let first_kind = flags & 0xFF;
        let mut items = Vec::new();
        let mut first_attributes = None;
        loop {
            let attributes = if flags & HAS_ATTR != 0 {
                self.attributes()?
            } else {
                Vec::new()
            };
            if first_attributes.is_none() {
                first_attributes = Some(attributes);
            }
            let tag = if flags & HAS_TAG != 0 {
                match self.item()?.value {
                    RValue::Symbol(s) => Some(s),
                    _ => None,
                }
            } else {
                None
            };
            let car = self.item()?;
            items.push((tag, car));
            flags = self.word()?;
            match flags & 0xFF {
                LISTSXP | ATTRLISTSXP if matches!(first_kind, LISTSXP | ATTRLISTSXP) => continue,
                LISTSXP | LANGSXP | ATTRLISTSXP | ATTRLANGSXP | DOTSXP
                    if !matches!(first_kind, LISTSXP | ATTRLISTSXP) =>
                {
                    continue
                }
                _ => {
                    // The tail is not a cell of the chain: read it as an
                    // item (NULL for every proper list).
                    self.depth += 1;
                    let tail = self.item_with(flags);
                    self.depth -= 1;
                    tail?;
                    break;
                }
            }
        }
        let value = match first_kind {
            LISTSXP | ATTRLISTSXP => RValue::Pairlist(items),
            CLOSXP => RValue::Other("function"),
            PROMSXP => RValue::Other("promise"),
            _ => RValue::Other("call"),
        };
        Ok(RObject {
            value,
            attributes: first_attributes.unwrap_or_default(),
        })
    }

    fn attributes(&mut self) -> Result<Vec<(String, RObject)>, RdataError> {
        let at = self.pos;
        match self.item()?.value {
            RValue::Pairlist(items) => Ok(items
                .into_iter()
                .map(|(tag, v)| (tag.unwrap_or_default(), v))
                .collect()),
            RValue::Null => Ok(Vec::new()),
            _ => Err(RdataError {
                offset: self.base + at,
                message: "attributes are not a pairlist".into(),
            }),
        }
    }

    /// An ALTREP object: its class, its state and its attributes. The forms
    /// R writes for data are expanded: compact integer and double sequences,
    /// and the `wrap_*` classes (a vector and its metadata).
    fn altrep(&mut self) -> Result<RObject, RdataError> {
        let at = self.pos;
        let info = self.item()?;
        let state = self.item()?;
        let attributes = self.attributes()?;
        let class = match &info.value {
            RValue::Pairlist(items) => match items.first().map(|(_, o)| &o.value) {
                Some(RValue::Symbol(s)) => s.clone(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        let fail = |m: String| RdataError {
            offset: self.base + at,
            message: m,
        };
        let value = match class.as_str() {
            "compact_intseq" | "compact_realseq" => {
                let RValue::Real(s) = &state.value else {
                    return Err(fail(format!(
                        "the state of a {class} is not a double vector"
                    )));
                };
                let [Some(n), Some(start), Some(step)] = s.as_slice() else {
                    return Err(fail(format!("the state of a {class} is malformed")));
                };
                if !(0.0..=1e9).contains(n) {
                    return Err(fail(format!("a {class} of length {n} is refused")));
                }
                let values = (0..*n as usize).map(|i| start + step * i as f64);
                if class == "compact_intseq" {
                    RValue::Integer(values.map(|x| Some(x as i32)).collect())
                } else {
                    RValue::Real(values.map(Some).collect())
                }
            }
            c if c.starts_with("wrap_") => match state.value {
                RValue::List(mut parts) if !parts.is_empty() => parts.swap_remove(0).value,
                _ => return Err(fail(format!("the state of a {class} is malformed"))),
            },
            other => {
                return Err(fail(format!(
                    "unsupported ALTREP class `{other}` (re-save the object with R to expand it)"
                )))
            }
        };
        Ok(RObject { value, attributes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-assembled XDR stream: `save(x, file=)` of
    /// `x <- data.frame(a = c(1L, NA), b = c("NA", NA))`, written out by the
    /// rules of R Internals (not by R), so every byte is known.
    fn saved_frame() -> Vec<u8> {
        let mut s = b"RDX3\nX\n".to_vec();
        let int = |s: &mut Vec<u8>, v: i32| s.extend_from_slice(&v.to_be_bytes());
        int(&mut s, 3);
        int(&mut s, 0x040201);
        int(&mut s, 0x030500);
        int(&mut s, 5);
        s.extend_from_slice(b"UTF-8");
        let string = |s: &mut Vec<u8>, text: Option<&str>| {
            int(s, (CHARSXP | (64 << 12)) as i32);
            match text {
                Some(t) => {
                    int(s, t.len() as i32);
                    s.extend_from_slice(t.as_bytes());
                }
                None => int(s, -1),
            }
        };
        let symbol = |s: &mut Vec<u8>, name: &str| {
            int(s, SYMSXP as i32);
            string(s, Some(name));
        };
        // Top pairlist cell, tagged `x`.
        int(&mut s, (LISTSXP | HAS_TAG) as i32);
        symbol(&mut s, "x");
        // The data frame: a list with attributes.
        int(&mut s, (VECSXP | (1 << 8) | HAS_ATTR) as i32);
        int(&mut s, 2);
        int(&mut s, INTSXP as i32);
        int(&mut s, 2);
        int(&mut s, 1);
        int(&mut s, i32::MIN);
        int(&mut s, STRSXP as i32);
        int(&mut s, 2);
        string(&mut s, Some("NA"));
        string(&mut s, None);
        // Attributes: names, class, row.names = c(NA, -2).
        int(&mut s, (LISTSXP | HAS_TAG) as i32);
        symbol(&mut s, "names");
        int(&mut s, STRSXP as i32);
        int(&mut s, 2);
        string(&mut s, Some("a"));
        string(&mut s, Some("b"));
        int(&mut s, (LISTSXP | HAS_TAG) as i32);
        symbol(&mut s, "class");
        int(&mut s, STRSXP as i32);
        int(&mut s, 1);
        string(&mut s, Some("data.frame"));
        int(&mut s, (LISTSXP | HAS_TAG) as i32);
        symbol(&mut s, "row.names");
        int(&mut s, INTSXP as i32);
        int(&mut s, 2);
        int(&mut s, i32::MIN);
        int(&mut s, -2);
        int(&mut s, NILVALUE_SXP as i32);
        // End of the top pairlist.
        int(&mut s, NILVALUE_SXP as i32);
        s
    }

    #[test]
    fn a_saved_data_frame_keeps_na_apart_from_the_string_na() {
        let objects = read_rda(&saved_frame()).unwrap();
        assert_eq!(objects.len(), 1);
        let (name, frame) = &objects[0];
        assert_eq!(name, "x");
        assert!(frame.inherits("data.frame"));
        assert_eq!(frame.strings_of("names"), ["a", "b"]);
        let RValue::List(cols) = &frame.value else {
            panic!("not a list")
        };
        assert_eq!(cols[0].value, RValue::Integer(vec![Some(1), None]));
        assert_eq!(
            cols[1].value,
            RValue::Character(vec![Some("NA".into()), None])
        );
    }

    #[test]
    fn every_truncation_of_a_stream_is_an_error_not_a_panic() {
        let full = saved_frame();
        for cut in 0..full.len() {
            assert!(read_rda(&full[..cut]).is_err(), "cut at {cut} was accepted");
        }
    }

    #[test]
    fn na_real_is_missing_and_other_nans_are_not() {
        assert!(is_na_real(0x7FF0_0000_0000_07A2));
        assert!(!is_na_real(f64::NAN.to_bits()));
    }

    #[test]
    fn a_huge_declared_length_is_refused_before_allocating() {
        let mut s = saved_frame();
        // The first column's length (after header 7+16+5 bytes, the tagged
        // cell 4+4+4+4+1 bytes, the list header 4+4 and the INTSXP flags 4).
        let at = 7 + 16 + 5 + 17 + 8 + 4;
        s[at..at + 4].copy_from_slice(&i32::MAX.to_be_bytes());
        let e = read_rda(&s).unwrap_err();
        assert!(e.message.contains("cannot fit"), "{e}");
    }
}
