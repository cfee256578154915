//! One file per subcommand: its help text, its arguments and its `run`.

pub mod data;
pub mod states;
