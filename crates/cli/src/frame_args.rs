//! Flags every frame command shares: peace spells and the user's own data.

use clap::Args;
use ordo::attach::Attach;
use std::path::PathBuf;

/// `--spells`, `--attach FILE --on KEYS`.
#[derive(Args, Debug, Clone, Default)]
pub struct FrameArgs {
    /// Add peace spells for these 0/1 event columns (comma-separated): `X_spell`
    /// (rows since the last event, peacesciencer's add_spells rule), `X_spell2`,
    /// `X_spell3` (Carter-Signorino terms)
    #[arg(long, value_delimiter = ',', value_name = "COLUMN")]
    pub spells: Vec<String>,
    /// Join your own CSV (header row) or Parquet file onto the frame, by the
    /// key columns of --on; unknown codes, duplicate keys and rows outside the
    /// frame are reported with counts
    #[arg(long, value_name = "FILE", requires = "on")]
    pub attach: Option<PathBuf>,
    /// The key columns of the attached file: the state column(s), then the year
    /// (`ccode1,ccode2,year`, `ccode,year`, `gwcode,year`, `country,year`: any
    /// name or code the resolver knows)
    #[arg(long, value_delimiter = ',', value_name = "KEYS", requires = "attach")]
    pub on: Vec<String>,
}

impl FrameArgs {
    pub fn attach(&self) -> Option<Attach> {
        self.attach.as_ref().map(|file| Attach {
            file: file.clone(),
            on: self.on.clone(),
        })
    }
}
