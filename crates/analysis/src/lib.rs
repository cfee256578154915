//! Analysis over the measures: the periodization of international orders
//! (stable and crisis phases, turning points), the instability index built
//! from a recipe, and the comparison of the two with a block bootstrap.

pub mod bootstrap;
pub mod breaks;
pub mod chronology;
pub mod cooperation;
pub mod derive_recipe;
mod file_error;
pub mod instability;
pub mod outliers;
pub mod panel;
pub mod periods;
pub mod phase_test;
pub mod recipe;
pub mod regression;

pub use file_error::FileError;
pub use instability::{instability_index, IndexRow};
pub use periods::{Order, Periodization, Phase, PhaseKind, TurningPoint};
pub use recipe::{Component, Recipe};
