//! Upstream bytes into the files of ordo's reference layout, one conversion
//! per kind of upstream (see `data/upstreams.toml`).

use crate::rdata;
use crate::registry::{Conversion, Recode, UpstreamFile};
use crate::rframe;
use std::io::{Read, Write};

/// Why upstream bytes could not be converted (the caller adds the dataset
/// and the URL).
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error("cannot decompress the R file: {0}")]
    Decompress(String),
    #[error("cannot read the R file: {0}")]
    Rdata(#[from] rdata::RdataError),
    #[error("the R file has no object `{wanted}` (it holds: {found})")]
    NoObject { wanted: String, found: String },
    #[error("the R object `{object}` cannot be written as CSV: {source}")]
    Frame {
        object: String,
        source: rframe::FrameError,
    },
    #[error("line {line}: {problem}")]
    Text { line: usize, problem: String },
    #[error("the file has no row with {0} fields")]
    NoRows(usize),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Converts the (already verified) upstream bytes of `file`.
pub fn convert(file: &UpstreamFile, upstream: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let text = match file.convert {
        Conversion::Copy => upstream.to_vec(),
        Conversion::Rda => rda(file, upstream)?,
        Conversion::TsvToCsv => tsv_to_csv(upstream)?,
        Conversion::GdeltRows => gdelt_rows(upstream, file.fields.unwrap_or(58))?,
        Conversion::RCsv => r_csv(upstream, file.recode)?,
    };
    if file.gzip {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text)?;
        return Ok(gz.finish()?);
    }
    Ok(text)
}

/// The bytes of an R file, decompressed by its magic number: gzip, bzip2
/// and xz are the three compressions `save()` writes.
pub fn decompress_r(bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let mut out = Vec::new();
    let fail = |e: std::io::Error| ConvertError::Decompress(e.to_string());
    match bytes {
        [0x1f, 0x8b, ..] => {
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut out)
                .map_err(fail)?;
        }
        [b'B', b'Z', b'h', ..] => {
            bzip2::read::BzDecoder::new(bytes)
                .read_to_end(&mut out)
                .map_err(fail)?;
        }
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => {
            lzma_rs::xz_decompress(&mut &bytes[..], &mut out)
                .map_err(|e| ConvertError::Decompress(format!("xz: {e}")))?;
        }
        _ => out = bytes.to_vec(),
    }
    Ok(out)
}

fn rda(file: &UpstreamFile, upstream: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let wanted = file.object.clone().unwrap_or_default();
    let objects = rdata::read_rda(&decompress_r(upstream)?)?;
    let found: Vec<&str> = objects.iter().map(|(n, _)| n.as_str()).collect();
    let (_, object) =
        objects
            .iter()
            .find(|(n, _)| *n == wanted)
            .ok_or_else(|| ConvertError::NoObject {
                wanted: wanted.clone(),
                found: if found.is_empty() {
                    "nothing".into()
                } else {
                    found.join(", ")
                },
            })?;
    rframe::frame_to_csv(object, &file.columns).map_err(|source| ConvertError::Frame {
        object: wanted,
        source,
    })
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ConvertError> {
    w.into_inner()
        .map_err(|e| ConvertError::Io(std::io::Error::other(e.to_string())))
}

/// The lines of a text file (`\n` ends; no empty record for a final `\n`),
/// checked to be UTF-8.
fn lines(bytes: &[u8]) -> Result<Vec<&str>, ConvertError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ConvertError::Text {
            line,
            problem: "not valid UTF-8".into(),
        }
    })?;
    let text = text.strip_suffix('\n').unwrap_or(text);
    Ok(if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').collect()
    })
}

/// Tab-separated text as comma CSV, every field kept as text.
fn tsv_to_csv(bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let mut w = csv_writer();
    for line in lines(bytes)? {
        w.write_record(line.split('\t'))
            .map_err(|e| ConvertError::Io(std::io::Error::other(e.to_string())))?;
    }
    finish(w)
}

/// GDELT 1.0's event columns, as the GDELT 1.0 codebook names them (the
/// daily files since April 2013 have all 58; the historical back-files lack
/// the last, `SOURCEURL`).
pub const GDELT1_COLUMNS: [&str; 58] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The rows of a raw GDELT 1.0 file that have `fields` fields, as CSV under
/// GDELT 1.0's column names (the first `fields` of them).
fn gdelt_rows(bytes: &[u8], fields: usize) -> Result<Vec<u8>, ConvertError> {
    let mut w = csv_writer();
    let io = |e: csv::Error| ConvertError::Io(std::io::Error::other(e.to_string()));
    w.write_record(&GDELT1_COLUMNS[..fields.min(58)])
        .map_err(io)?;
    let mut kept = 0;
    for line in lines(bytes)? {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() == fields {
            w.write_record(&cells).map_err(io)?;
            kept += 1;
        }
    }
    if kept == 0 {
        return Err(ConvertError::NoRows(fields));
    }
    finish(w)
}

/// A CSV written by R's `write.csv`: the row-name column dropped, `NA` made
/// empty, the text re-encoded as `recode` says.
fn r_csv(bytes: &[u8], recode: Option<Recode>) -> Result<Vec<u8>, ConvertError> {
    let bytes = match recode {
        Some(Recode::Utf8ReadAsMacRomanSavedAsCp1252) => undo_mac_roman_cp1252(bytes)?,
        None => bytes.to_vec(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    let mut w = csv_writer();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ConvertError::Text {
            line: i + 1,
            problem: e.to_string(),
        })?;
        w.write_record(
            record
                .iter()
                .skip(1)
                .map(|f| if f == "NA" { "" } else { f }),
        )
        .map_err(|e| ConvertError::Io(std::io::Error::other(e.to_string())))?;
    }
    finish(w)
}

/// Undoes UTF-8 text that was decoded as Mac Roman and saved as
/// Windows-1252: each run of non-ASCII bytes is read as Windows-1252, its
/// characters put back to their Mac Roman bytes, and the result read as
/// UTF-8 (`\x82\xc4\xf4` → `‚Äô` → `E2 80 99` → `’`). A run that does not
/// come back as UTF-8 was never mis-encoded and is kept as its
/// Windows-1252 reading (one `¬` in the ICEWS codebook).
fn undo_mac_roman_cp1252(bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let mut mac_roman = std::collections::HashMap::new();
    for b in 0x80u8..=0xFF {
        let byte = [b];
        let (c, _, _) = encoding_rs::MACINTOSH.decode(&byte);
        if let Some(ch) = c.chars().next() {
            mac_roman.insert(ch, b);
        }
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        let ascii = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
        out.extend_from_slice(&rest[..ascii]);
        rest = &rest[ascii..];
        let run = rest.iter().position(|&b| b < 0x80).unwrap_or(rest.len());
        if run == 0 {
            break;
        }
        let (chars, _, _) = encoding_rs::WINDOWS_1252.decode(&rest[..run]);
        let back: Option<Vec<u8>> = chars.chars().map(|c| mac_roman.get(&c).copied()).collect();
        match back.filter(|b| std::str::from_utf8(b).is_ok()) {
            Some(utf8) => out.extend_from_slice(&utf8),
            None => out.extend_from_slice(chars.as_bytes()),
        }
        rest = &rest[run..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codebook_s_mis_encoded_apostrophe_is_restored() {
        // `Moscow’s` as the icews package's codebook stores it.
        let fixed = undo_mac_roman_cp1252(b"Moscow\x82\xc4\xf4s \xac").unwrap();
        assert_eq!(String::from_utf8(fixed).unwrap(), "Moscow\u{2019}s \u{ac}");
    }

    #[test]
    fn r_csv_drops_row_names_and_na() {
        let out = r_csv(b"\"\",\"a\",\"b\"\n\"1\",NA,\"x, y\"\n", None).unwrap();
        assert_eq!(out, b"a,b\n,\"x, y\"\n");
    }

    #[test]
    fn gdelt_rows_keep_the_rows_of_one_width_under_their_names() {
        let row57 = vec!["1"; 57].join("\t");
        let row58 = vec!["2"; 58].join("\t");
        let out = gdelt_rows(format!("{row58}\n{row57}\n").as_bytes(), 57).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().ends_with(",DATEADDED"));
        assert_eq!(lines.next().unwrap(), vec!["1"; 57].join(","));
        assert_eq!(lines.next(), None);
        assert!(matches!(
            gdelt_rows(row57.as_bytes(), 58),
            Err(ConvertError::NoRows(58))
        ));
    }
}
