//! The dyad-year universe: every pair of states that were both system
//! members on at least one same day of a year.
//!
//! Why same-day: a pair whose memberships overlap in the calendar year but
//! never on the same day (one leaves in March, the other enters in June) never
//! coexisted as states, so it is not a dyad-year. Membership is COW v2016 at
//! day precision. COW v2016 ends on 2016-12-31 with the spells of current
//! states still open; like peacesciencer's `mry` option, spells open at the
//! end of the data can be extended (by default through 2022, the last year of
//! NMC v7.0), so frames reach the years the other datasets cover. The same
//! rules make the Gleditsch–Ward universe (`Universe::gw`, see `gw.rs`), whose
//! data end on 2017-12-31.

use chrono::{Datelike, NaiveDate};
use ordo_states::{GwSystem, Spell, StateCode, StateSystem};

/// A dyad-year key: `(ccode1, ccode2, year)`.
pub type DyadYear = (u16, u16, i32);

/// Keys of a dyad-year frame, in `(ccode1, ccode2, year)` order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DyadYears {
    pub ccode1: Vec<u16>,
    pub ccode2: Vec<u16>,
    pub year: Vec<i32>,
    /// Both orderings of each pair (directed) or `ccode1 < ccode2`.
    pub directed: bool,
}

impl DyadYears {
    pub fn len(&self) -> usize {
        self.year.len()
    }

    pub fn is_empty(&self) -> bool {
        self.year.is_empty()
    }

    /// The `i`-th key.
    pub fn key(&self, i: usize) -> (u16, u16, i32) {
        (self.ccode1[i], self.ccode2[i], self.year[i])
    }

    pub(crate) fn push(&mut self, a: u16, b: u16, y: i32) {
        self.ccode1.push(a);
        self.ccode2.push(b);
        self.year.push(y);
    }
}

/// Whose membership a universe is made of.
#[derive(Debug, Clone, Copy)]
enum Members<'a> {
    Cow(&'a StateSystem),
    Gw(&'a GwSystem),
}

impl<'a> Members<'a> {
    fn spells(self, code: u16) -> Option<&'a [Spell]> {
        match self {
            Members::Cow(s) => s.get(StateCode(code)).map(|s| s.spells.as_slice()),
            Members::Gw(s) => s.get(code).map(|s| s.spells.as_slice()),
        }
    }

    /// Every state's code and spells, by code.
    fn all(self) -> Box<dyn Iterator<Item = (u16, &'a [Spell])> + 'a> {
        match self {
            Members::Cow(s) => Box::new(s.iter().map(|s| (s.code.0, s.spells.as_slice()))),
            Members::Gw(s) => Box::new(s.iter().map(|s| (s.code, s.spells.as_slice()))),
        }
    }
}

/// A state system (COW, or Gleditsch–Ward for `--system gw`) with the
/// open-spell extension applied.
#[derive(Debug, Clone, Copy)]
pub struct Universe<'a> {
    members: Members<'a>,
    /// Last day of the membership data (2016-12-31 in COW v2016, 2017-12-31
    /// in the GW list).
    data_end: NaiveDate,
    /// Spells ending on `data_end` are taken to run to this day.
    extend_to: NaiveDate,
}

/// Membership days within a year, as closed intervals.
pub type Days = Vec<(NaiveDate, NaiveDate)>;

impl<'a> Universe<'a> {
    /// The COW state system. `extend_to_year`: extend spells open at the end
    /// of the data through 31 December of that year (`None`: no extension).
    pub fn new(system: &'a StateSystem, extend_to_year: Option<i32>) -> Universe<'a> {
        Universe::of(Members::Cow(system), system.data_end(), extend_to_year)
    }

    /// The Gleditsch–Ward system, extended like [`Universe::new`].
    pub fn gw(system: &'a GwSystem, extend_to_year: Option<i32>) -> Universe<'a> {
        Universe::of(Members::Gw(system), system.data_end(), extend_to_year)
    }

    fn of(
        members: Members<'a>,
        data_end: Option<NaiveDate>,
        extend_to_year: Option<i32>,
    ) -> Universe<'a> {
        let data_end = data_end.unwrap_or(NaiveDate::MIN);
        let extend_to = extend_to_year
            .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
            .filter(|d| *d > data_end)
            .unwrap_or(data_end);
        Universe {
            members,
            data_end,
            extend_to,
        }
    }

    /// Last year with members.
    pub fn last_year(&self) -> i32 {
        self.extend_to.year()
    }

    /// A state's membership within `year`, as day intervals.
    fn days_in_year(&self, spells: &[Spell], year: i32) -> Days {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        spells
            .iter()
            .map(|s| {
                (
                    s.start,
                    if s.end == self.data_end {
                        self.extend_to
                    } else {
                        s.end
                    },
                )
            })
            .filter(|(s, e)| *s <= last && *e >= first)
            .map(|(s, e)| (s.max(first), e.min(last)))
            .collect()
    }

    /// The state's membership days within `year` (empty when not a member).
    pub fn days_in(&self, code: u16, year: i32) -> Days {
        self.members
            .spells(code)
            .map_or_else(Vec::new, |s| self.days_in_year(s, year))
    }

    /// Whether the state was a member on at least one day of `year`.
    pub fn is_member_in(&self, code: u16, year: i32) -> bool {
        !self.days_in(code, year).is_empty()
    }

    /// The members of `year` and their days of membership in it, by code.
    pub fn member_days(&self, year: i32) -> Vec<(u16, Days)> {
        self.members
            .all()
            .map(|(c, s)| (c, self.days_in_year(s, year)))
            .filter(|(_, d)| !d.is_empty())
            .collect()
    }

    /// States with at least one day of membership in `year`, by code.
    pub fn members_in(&self, year: i32) -> Vec<u16> {
        self.member_days(year).into_iter().map(|(c, _)| c).collect()
    }

    /// Whether two states were members on a same day of `year`.
    pub fn coexist(&self, a: u16, b: u16, year: i32) -> bool {
        let (da, db) = (self.days_in(a, year), self.days_in(b, year));
        overlap(&da, &db)
    }

    /// All dyad-years from `from` to `to`, sorted by (ccode1, ccode2, year).
    pub fn dyad_years(&self, from: i32, to: i32, directed: bool) -> DyadYears {
        let mut keys = DyadYears {
            directed,
            ..DyadYears::default()
        };
        for year in from..=to.min(self.last_year()) {
            let members = self.member_days(year);
            for (i, (a, da)) in members.iter().enumerate() {
                for (b, db) in &members[i + 1..] {
                    if overlap(da, db) {
                        keys.push(*a, *b, year);
                        if directed {
                            keys.push(*b, *a, year);
                        }
                    }
                }
            }
        }
        sort(&mut keys);
        keys
    }

    /// The dyad-years of one pair (in the given order; both orders when
    /// `directed` is false and `a > b` is normalised to `a < b`).
    pub fn dyad(&self, a: u16, b: u16, from: i32, to: i32, directed: bool) -> DyadYears {
        let (a, b) = if directed || a < b { (a, b) } else { (b, a) };
        let mut keys = DyadYears {
            directed,
            ..DyadYears::default()
        };
        for year in from..=to.min(self.last_year()) {
            if a != b && self.coexist(a, b, year) {
                keys.push(a, b, year);
            }
        }
        keys
    }
}

/// Whether two sets of day intervals share a day.
fn overlap(a: &Days, b: &Days) -> bool {
    a.iter()
        .any(|(s1, e1)| b.iter().any(|(s2, e2)| s1 <= e2 && s2 <= e1))
}

fn sort(keys: &mut DyadYears) {
    let mut rows: Vec<(u16, u16, i32)> = (0..keys.len()).map(|i| keys.key(i)).collect();
    rows.sort_unstable();
    keys.ccode1 = rows.iter().map(|r| r.0).collect();
    keys.ccode2 = rows.iter().map(|r| r.1).collect();
    keys.year = rows.iter().map(|r| r.2).collect();
}
