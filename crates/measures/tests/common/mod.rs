//! The real data directory's state system and frame inputs, loaded once per
//! test binary.

use ordo_measures::Inputs;
use ordo_sources::DataDir;
use ordo_states::States;
use std::sync::OnceLock;

pub struct World {
    pub states: States,
    pub inputs: Inputs,
}

pub fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = DataDir::discover(None).unwrap();
        let states = States::load(&dir).unwrap();
        let inputs = Inputs::load(&dir, &states).unwrap();
        World { states, inputs }
    })
}
