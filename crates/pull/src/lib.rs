//! `ordo data pull`: ordo's datasets fetched from their pinned public
//! upstreams, checked against the SHA-256 the registry records, converted
//! into the reference layout of a data directory and installed atomically,
//! one dataset at a time.
//!
//! The registry (`data/upstreams.toml`, [`registry`]) names every upstream
//! file by an immutable address. [`convert`] turns each into the file ordo
//! reads: R `save()` files through [`rdata`] and [`rframe`], text files by
//! the conversions the registry names.

pub mod convert;
pub mod dataverse;
pub mod fetch;
pub mod gdelt;
pub mod install;
pub mod pull;
pub mod rdata;
pub mod registry;
pub mod rframe;

use sha2::{Digest, Sha256};

/// The SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A digest as lowercase hex, as `sha256sum` and `md5sum` print it.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
