//! Times the phases of building the full dyad-year frame (for BENCHMARKS.md):
//! `cargo run --release -p ordo-measures --example frame_phases [-- --directed [--unmirrored]]`.

use ordo_measures::{dyad_frame, dyad_frame_unmirrored, Inputs, Universe};
use ordo_sources::DataDir;
use ordo_states::States;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let directed = std::env::args().any(|a| a == "--directed");
    let t = Instant::now();
    let dir = DataDir::discover(None).expect("data directory");
    let states = States::load(&dir).expect("states");
    eprintln!("states      {:>7.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let inputs = Inputs::load(&dir, &states).expect("inputs");
    eprintln!("inputs      {:>7.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let universe = Universe::new(&states.system, Some(2016));
    let keys = universe.dyad_years(1816, 2016, directed);
    eprintln!(
        "universe    {:>7.2} s  ({} rows)",
        t.elapsed().as_secs_f64(),
        keys.len()
    );
    let t = Instant::now();
    let frame = if std::env::args().any(|a| a == "--unmirrored") {
        dyad_frame_unmirrored(&inputs, &states, &universe, &keys)
    } else {
        dyad_frame(&inputs, &states, &universe, &keys)
    };
    eprintln!(
        "measures    {:>7.2} s  ({} columns)",
        t.elapsed().as_secs_f64(),
        frame.batch.num_columns()
    );
}
