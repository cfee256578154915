//! Every source a frame needs, loaded once (in parallel: the files are
//! independent and the machine has more than one core).

use crate::alliances::Alliances;
use crate::arms_races::ArmsRaces;
use crate::capabilities::Capabilities;
use crate::civil_conflict::Ucdp;
use crate::contiguity::Contiguity;
use crate::democracy::Democracy;
use crate::disputes::Disputes;
use crate::distance::Distances;
use crate::igo::Igos;
use crate::leaders::Leaders;
use crate::rivalries::Rivalries;
use crate::state_vars::StateVars;
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
    pub arms_races: ArmsRaces,
    pub ucdp: Ucdp,
    /// State attributes, in the order of their state-year columns.
    pub state_vars: Vec<StateVars>,
    /// What a reader could not attribute (e.g. UCDP GW codes without a COW
    /// state), for provenance.
    pub notes: Vec<String>,
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
            let extra = scope.spawn(|| StateExtras::load(dir, states));
            let (capabilities, components) = take.take(one(Capabilities::load(dir)))?;
            let alliances = take.take(one(Alliances::load(dir)))?;
            let disputes = take.take(Disputes::load(dir))?;
            let (wars, war_count) = take.take(one(Wars::load(dir)))?;
            let (rivalries, rivalry_types) = take.take(Rivalries::load(dir))?;
            let contiguity = take.take(one(Contiguity::load(dir)))?;
            let democracy = take.take(one(Democracy::load(dir)))?;
            let leaders = take.take(one(Leaders::load(dir)))?;
            let archigos_sums = take.take(crate::archigos_sums::load(dir, states))?;
            let trade = take.take(trade.join().expect("trade loader panicked"))?;
            let igos = take.take(igo.join().expect("igo loader panicked"))?;
            let distances = take.take(dist.join().expect("distance loader panicked"))?;
            let un = take.take(un.join().expect("UN loader panicked"))?;
            let mut x = take.take(extra.join().expect("state attribute loader panicked"))?;
            let mut notes = unattributed(&x.ucdp.unattributed);
            let mut state_vars = vec![components];
            state_vars.extend(x.before_rivalries);
            state_vars.push(rivalry_types);
            state_vars.extend(x.ucdp.acd.take());
            state_vars.extend(x.ucdp.onsets.take());
            state_vars.extend(x.after_ucdp);
            state_vars.push(war_count);
            state_vars.push(archigos_sums);
            notes.extend(state_vars.iter().flat_map(|v| v.notes.iter().cloned()));
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
                arms_races: x.arms_races,
                ucdp: x.ucdp,
                state_vars,
                notes,
                sources,
            })
        })
    }
}

/// The state attributes and civil-conflict sources, loaded together on one
/// thread.
struct StateExtras {
    /// Economy, territorial threat, CREG, HIEF, Maoz powers.
    before_rivalries: Vec<StateVars>,
    ucdp: Ucdp,
    /// COW intra-state wars, GML disputes by state.
    after_ucdp: Vec<StateVars>,
    arms_races: ArmsRaces,
}

impl StateExtras {
    fn load(dir: &DataDir, states: &States) -> Loaded<StateExtras> {
        let mut sources = Vec::new();
        let mut take = Taker(&mut sources);
        let before_rivalries = vec![
            take.take(one(crate::economy::load(dir)))?,
            take.take(one(crate::territory::load(dir)))?,
            take.take(one(crate::fractionalization::load_creg(dir)))?,
            take.take(one(crate::fractionalization::load_hief(dir)))?,
            take.take(one(crate::maoz::load(dir)))?,
        ];
        let ucdp = take.take(Ucdp::load(dir, states))?;
        let after_ucdp = vec![
            take.take(one(crate::intra_war::load(dir)))?,
            take.take(one(crate::mid_participation::load(dir)))?,
        ];
        let arms_races = take.take(one(ArmsRaces::load(dir)))?;
        Ok((
            StateExtras {
                before_rivalries,
                ucdp,
                after_ucdp,
                arms_races,
            },
            sources,
        ))
    }
}

/// One provenance line for the code-years no COW state was found for.
fn unattributed(missing: &[String]) -> Vec<String> {
    match missing {
        [] => Vec::new(),
        m => vec![format!(
            "{} GW code-years of UCDP map to no COW state and are not counted: {}",
            m.len(),
            m.join(", ")
        )],
    }
}
