//! The state system: who was a sovereign state when, who was a major power,
//! what each state is called in other code schemes and in four languages.
//!
//! Sources: COW State System Membership v2016 (day-precision spells), COW Major
//! Powers (v2016 and v2024), Gleditsch–Ward independent states, and two files
//! of ordo's own project data in `data/`: the dated code crosswalk
//! (`crosswalk.csv`) and the multilingual names (`names.csv`). Everything that
//! takes a state from a user goes through [`Resolver`].

mod code;
pub mod crosswalk;
mod gw;
mod majors;
pub mod names;
mod resolve;
mod spell;
mod system;

pub use code::StateCode;
pub use crosswalk::{Crosswalk, Mapping, Scheme};
pub use gw::{GwState, GwSystem};
pub use majors::{MajorList, MajorPowers};
pub use names::{NameEntry, NameIndex};
pub use resolve::{Match, ResolveError, Resolved, Resolver};
pub use spell::Spell;
pub use system::{State, StateSystem};

use ordo_sources::{DataDir, DataError, SourceUse};

/// Errors in loading the state system.
#[derive(Debug, thiserror::Error)]
pub enum StatesError {
    #[error(transparent)]
    Data(#[from] DataError),
    /// ordo's own project data (crosswalk, names) is inconsistent.
    #[error("{file}:{line}: {message}")]
    ProjectData {
        file: &'static str,
        line: u64,
        message: String,
    },
}

impl From<ordo_sources::ReadError> for StatesError {
    fn from(e: ordo_sources::ReadError) -> Self {
        StatesError::Data(DataError::Read(e))
    }
}

/// Everything about states that other layers need, loaded once.
#[derive(Debug)]
pub struct States {
    pub system: StateSystem,
    pub majors: MajorPowers,
    pub majors_2024: MajorPowers,
    pub gw: GwSystem,
    pub crosswalk: Crosswalk,
    pub names: NameIndex,
    /// The dataset files read, for provenance.
    pub sources: Vec<SourceUse>,
}

impl States {
    /// Loads the state system from the data directory and ordo's project data,
    /// checking the project data against the COW list.
    pub fn load(dir: &DataDir) -> Result<States, StatesError> {
        let (system, s1) = StateSystem::load(dir)?;
        let (majors, s2) = MajorPowers::load(dir, MajorList::Cow2016)?;
        let (majors_2024, s3) = MajorPowers::load(dir, MajorList::Cow2024)?;
        let (gw, s4) = GwSystem::load(dir)?;
        let crosswalk = Crosswalk::builtin()?;
        crosswalk.check_against(&system)?;
        let names = NameIndex::builtin(&system)?;
        Ok(States {
            system,
            majors,
            majors_2024,
            gw,
            crosswalk,
            names,
            sources: vec![s1, s2, s3, s4],
        })
    }

    /// A resolver over these states.
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver::new(self)
    }
}
