//! Every source a frame needs, loaded once (in parallel: the files are
//! independent and the machine has more than one core).

use crate::alliances::Alliances;
use crate::capabilities::Capabilities;
use crate::contiguity::Contiguity;
use crate::democracy::Democracy;
use crate::disputes::Disputes;
use crate::distance::Distances;
use crate::igo::Igos;
use crate::leaders::Leaders;
use crate::rivalries::Rivalries;
use crate::trade::Trade;
use crate::un::UnVoting;
use crate::war::Wars;
use ordo_sources::{DataDir, DataError, SourceUse};
use ordo_states::States;

/// The loaded sources of the dyad-year and state-year frames.
#[derive(Debug)]
pub struct Inputs {
    pub capabilities: Capabilities,
    pub alliances: Alliances,
    pub disputes: Disputes,
    pub wars: Wars,
    pub rivalries: Rivalries,
    pub trade: Trade,
    pub contiguity: Contiguity,
    pub distances: Distances,
    pub igos: Igos,
    pub democracy: Democracy,
    pub un: UnVoting,
    pub leaders: Leaders,
    /// Every dataset file read, for provenance.
    pub sources: Vec<SourceUse>,
}

type Loaded<T> = Result<(T, Vec<SourceUse>), DataError>;

/// Collects the sources of each loaded input.
struct Taker<'a>(&'a mut Vec<SourceUse>);

impl Taker<'_> {
    fn take<T>(&mut self, r: Loaded<T>) -> Result<T, DataError> {
        r.map(|(t, s)| {
            self.0.extend(s);
            t
        })
    }
}

fn one<T>(r: Result<(T, SourceUse), DataError>) -> Loaded<T> {
    r.map(|(t, s)| (t, vec![s]))
}

impl Inputs {
    pub fn load(dir: &DataDir, states: &States) -> Result<Inputs, DataError> {
        std::thread::scope(|scope| {
            let un = scope.spawn(|| UnVoting::load(dir, states));
            let dist = scope.spawn(|| Distances::load(dir));
            let igo = scope.spawn(|| Igos::load(dir));
            let trade = scope.spawn(|| Trade::load(dir));
            let mut sources = Vec::new();
            let mut take = Taker(&mut sources);
            let capabilities = take.take(one(Capabilities::load(dir)))?;
            let alliances = take.take(one(Alliances::load(dir)))?;
            let disputes = take.take(Disputes::load(dir))?;
            let wars = take.take(one(Wars::load(dir)))?;
            let rivalries = take.take(Rivalries::load(dir))?;
            let contiguity = take.take(one(Contiguity::load(dir)))?;
            let democracy = take.take(one(Democracy::load(dir)))?;
            let leaders = take.take(one(Leaders::load(dir)))?;
            let trade = take.take(trade.join().expect("trade loader panicked"))?;
            let igos = take.take(igo.join().expect("igo loader panicked"))?;
            let distances = take.take(dist.join().expect("distance loader panicked"))?;
            let un = take.take(un.join().expect("UN loader panicked"))?;
            Ok(Inputs {
                capabilities,
                alliances,
                disputes,
                wars,
                rivalries,
                trade,
                contiguity,
                distances,
                igos,
                democracy,
                un,
                leaders,
                sources,
            })
        })
    }
}
