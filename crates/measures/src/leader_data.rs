//! Archigos v4.1 leaders as ordo's leader units read them: every spell in
//! office with the COW states it governed day by day, the LEAD and LWUF
//! attributes of the leader, and the GML dispute participations with the
//! days that attribute them to leaders.
//!
//! Goemans, Gleditsch & Chiozza (2009), Archigos 4.1 (1870-2015; a few
//! spells begin earlier: the leaders in office in 1870). Archigos is keyed
//! by Gleditsch-Ward codes. A spell's COW state on a day is the state ordo's
//! dated crosswalk maps its GW code to on that day (GW 260 is COW 260 until
//! 1990-10-02 and COW 255 from 1990-10-03); a day counts as a COW day when
//! that state is a member of the COW system on it.
//!
//! LEAD (Ellis, Horowitz & Stam 2015) and Leader Willingness to Use Force
//! (Carter & Smith 2020) come keyed by `obsid`: peacesciencer matched their
//! own leader ids to Archigos through `leader_codes` (LEAD by Archigos 2.9's
//! `leadid29`, LWUF by LEAD's `leaderid`) and its `add_lead()` and
//! `add_lwuf()` join on `obsid`. ordo joins on `obsid` too, reads
//! `leaderid` from `leader_codes`, and counts what each join leaves
//! unmatched (the provenance lines in [`LeaderData::notes`]).

use crate::batch;
use crate::Map;
use ordo_sources::datasets::archigos::{
    CODES, GML_PART_LEADERS, LEAD, LEADERS, LEAD_COLUMNS, LWUF, LWUF_COLUMNS,
};
use ordo_sources::{DataDir, DataError, ReadError, SourceUse};
use ordo_states::{Scheme, StateCode, States};

/// Last year of Archigos 4.1.
pub const LAST_YEAR: i32 = 2015;

/// A run of days in office on which the crosswalk maps the spell's GW code
/// to one COW state, with or without that state's membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub ccode: u16,
    /// First and last day (Date32 day numbers), inclusive.
    pub first: i32,
    pub last: i32,
    /// The COW state is a system member on these days.
    pub member: bool,
}

/// One Archigos spell in office.
#[derive(Debug, Clone)]
pub struct Spell {
    pub obsid: String,
    pub leadid: String,
    pub leader: String,
    pub gwcode: u16,
    pub gender: Option<String>,
    pub yrborn: Option<i64>,
    /// First and last day in office (Date32 day numbers), inclusive.
    pub start: i32,
    pub end: i32,
    pub entry: Option<String>,
    pub exit: Option<String>,
    pub exitcode: Option<String>,
    /// The days in office the crosswalk maps to a COW state, in date order.
    pub cow: Vec<Segment>,
    /// LEAD's id of the leader (`leader_codes.leaderid`), when LEAD codes him.
    pub leaderid: Option<String>,
    /// LEAD values in [`LEAD_COLUMNS`] order.
    pub lead: [Option<i64>; 11],
    /// LWUF values in [`LWUF_COLUMNS`] order.
    pub lwuf: [Option<f64>; 8],
}

impl Spell {
    pub fn first_year(&self) -> i32 {
        batch::year_of_day(self.start)
    }

    pub fn last_year(&self) -> i32 {
        batch::year_of_day(self.end)
    }

    /// First and last day in office within `year`.
    pub fn days_in(&self, year: i32) -> Option<(i32, i32)> {
        let (jan1, dec31) = year_days(year)?;
        let (a, b) = (self.start.max(jan1), self.end.min(dec31));
        (a <= b).then_some((a, b))
    }

    /// The segments within `year`, clipped to it.
    pub fn segments_in(&self, year: i32) -> impl Iterator<Item = Segment> + '_ {
        let days = year_days(year);
        self.cow.iter().filter_map(move |s| {
            let (jan1, dec31) = days?;
            let (a, b) = (s.first.max(jan1), s.last.min(dec31));
            (a <= b).then_some(Segment {
                first: a,
                last: b,
                ..*s
            })
        })
    }

    /// The COW state of the leader's year: the state the crosswalk maps the
    /// GW code to on the last day in office in `year` that it maps at all.
    pub fn ccode_in(&self, year: i32) -> Option<u16> {
        self.segments_in(year)
            .max_by_key(|s| s.last)
            .map(|s| s.ccode)
    }

    /// Whether the leader governed a COW member on some day of `year`.
    pub fn is_member_in(&self, year: i32) -> bool {
        self.segments_in(year).any(|s| s.member)
    }

    /// The segment holding `day`.
    pub fn segment_on(&self, day: i32) -> Option<&Segment> {
        self.cow.iter().find(|s| s.first <= day && day <= s.last)
    }
}

/// A state's participation in a GML dispute, as attributed to leaders.
#[derive(Debug, Clone)]
pub struct Participation {
    pub dispnum: i64,
    pub ccode: u16,
    /// First and last day (Date32 day numbers) as GML attributes them to
    /// leaders (`dummy_stday`, `dummy_endday`).
    pub first: i32,
    pub last: i32,
    /// Side A: the side that took the first militarized action.
    pub sidea: bool,
    /// An originator (in the dispute from its first day), not a joiner.
    pub orig: bool,
    /// The leader GML gives the participation at its start.
    pub obsid_start: Option<String>,
}

impl Participation {
    /// peacesciencer's default initiation rule (`"sidea-all-joiners"`): on
    /// side A, or joined the dispute after it began (either side).
    pub fn initiates(&self) -> bool {
        self.sidea || !self.orig
    }
}

/// Everything the leader units are built from.
#[derive(Debug, Clone)]
pub struct LeaderData {
    /// Spells in Archigos file order.
    pub spells: Vec<Spell>,
    /// GML participations with a leader coded (see [`GML_PART_LEADERS`]).
    pub participations: Vec<Participation>,
    /// What the joins and the crosswalk left unmatched, for provenance.
    pub notes: Vec<String>,
    pub sources: Vec<SourceUse>,
}

/// Jan 1 and Dec 31 of `year` as Date32 day numbers.
pub fn year_days(year: i32) -> Option<(i32, i32)> {
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(year, m, d).and_then(batch::day_number);
    Some((day(1, 1)?, day(12, 31)?))
}

impl LeaderData {
    pub fn load(dir: &DataDir, states: &States) -> Result<LeaderData, DataError> {
        let t = LEADERS.read(dir)?;
        let b = &t.batch;
        let obsid = batch::texts(b, "obsid");
        let leadid = batch::texts(b, "leadid");
        let leader = batch::texts(b, "leader");
        let gw = batch::codes(b, "gwcode");
        let gender = batch::texts(b, "gender");
        let yrborn = batch::ints(b, "yrborn");
        let (st, en) = (batch::dates(b, "startdate"), batch::dates(b, "enddate"));
        let (entry, exit, exitcode) = (
            batch::texts(b, "entry"),
            batch::texts(b, "exit"),
            batch::texts(b, "exitcode"),
        );
        let text = |v: Option<&str>| v.map(str::to_string);
        let mut spells = Vec::with_capacity(obsid.len());
        for i in 0..obsid.len() {
            let (Some(o), Some(s), Some(e)) = (obsid[i], st[i], en[i]) else {
                return Err(malformed(&t.source, i, "a spell without obsid or dates"));
            };
            if e < s {
                return Err(malformed(&t.source, i, "enddate is before startdate"));
            }
            spells.push(Spell {
                obsid: o.to_string(),
                leadid: leadid[i].unwrap_or_default().to_string(),
                leader: leader[i].unwrap_or_default().to_string(),
                gwcode: gw[i],
                gender: text(gender[i]),
                yrborn: yrborn[i],
                start: s,
                end: e,
                entry: text(entry[i]),
                exit: text(exit[i]),
                exitcode: text(exitcode[i]),
                cow: segments(states, gw[i], s, e),
                leaderid: None,
                lead: [None; 11],
                lwuf: [None; 8],
            });
        }
        let mut sources = vec![t.source];
        let mut notes = Vec::new();
        let index: Map<String, usize> = spells
            .iter()
            .enumerate()
            .map(|(i, s)| (s.obsid.clone(), i))
            .collect();
        let unmapped: Vec<&Spell> = spells.iter().filter(|s| s.cow.is_empty()).collect();
        if !unmapped.is_empty() {
            let mut gws: Vec<u16> = unmapped.iter().map(|s| s.gwcode).collect();
            gws.sort_unstable();
            gws.dedup();
            notes.push(format!(
                "Archigos: {} spells of GW codes the crosswalk maps to no COW state (GW {}) have no ccode",
                unmapped.len(),
                gws.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
            ));
        }

        // leader_codes: LEAD's leaderid, and a check of leadid.
        let t = CODES.read(dir)?;
        let (o, l, lid) = (
            batch::texts(&t.batch, "obsid"),
            batch::texts(&t.batch, "leadid"),
            batch::texts(&t.batch, "leaderid"),
        );
        let (mut matched, mut stray, mut disagree) = (0usize, 0usize, 0usize);
        for r in 0..o.len() {
            match o[r].and_then(|x| index.get(x)) {
                Some(&i) => {
                    matched += 1;
                    disagree += usize::from(l[r] != Some(spells[i].leadid.as_str()));
                    spells[i].leaderid = text(lid[r]);
                }
                None => stray += 1,
            }
        }
        let coded = spells.iter().filter(|s| s.leaderid.is_some()).count();
        notes.push(format!(
            "leader_codes: {} rows, {matched} matched to Archigos spells by obsid ({stray} unmatched, {} spells without a row, {disagree} with another leadid); {coded} spells have a LEAD leaderid, {} have none (leaders LEAD does not code)",
            o.len(),
            spells.len() - matched,
            spells.len() - coded,
        ));
        sources.push(t.source);

        // LEAD and LWUF, joined on obsid.
        let t = LEAD.read(dir)?;
        let cols = LEAD_COLUMNS.map(|c| batch::ints(&t.batch, c));
        let keys = batch::texts(&t.batch, "obsid");
        let (n, stray, empty) = join(&keys, &index, |r, i| {
            let v = cols.each_ref().map(|c| c[r]);
            spells[i].lead = v;
            v.iter().all(Option::is_none)
        });
        notes.push(join_note("LEAD", keys.len(), n, stray, empty, spells.len()));
        sources.push(t.source);
        let t = LWUF.read(dir)?;
        let cols = LWUF_COLUMNS.map(|c| batch::floats(&t.batch, c));
        let keys = batch::texts(&t.batch, "obsid");
        let (n, stray, empty) = join(&keys, &index, |r, i| {
            let v = cols.each_ref().map(|c| c[r]);
            spells[i].lwuf = v;
            v.iter().all(Option::is_none)
        });
        notes.push(join_note("LWUF", keys.len(), n, stray, empty, spells.len()));
        sources.push(t.source);

        let (participations, note, source) = participations(dir)?;
        notes.push(note);
        sources.push(source);
        Ok(LeaderData {
            spells,
            participations,
            notes,
            sources,
        })
    }
}

/// Joins rows keyed by obsid onto the spells with `set(row, spell)` (which
/// says whether the row was empty); returns matched, unmatched and empty.
fn join(
    keys: &[Option<&str>],
    index: &Map<String, usize>,
    mut set: impl FnMut(usize, usize) -> bool,
) -> (usize, usize, usize) {
    let (mut n, mut stray, mut empty) = (0, 0, 0);
    for (r, k) in keys.iter().enumerate() {
        match k.and_then(|k| index.get(k)) {
            Some(&i) => {
                n += 1;
                empty += usize::from(set(r, i));
            }
            None => stray += 1,
        }
    }
    (n, stray, empty)
}

fn join_note(
    what: &str,
    rows: usize,
    n: usize,
    stray: usize,
    empty: usize,
    spells: usize,
) -> String {
    format!(
        "{what}: {rows} rows joined on obsid: {n} matched ({} with values, {empty} empty: their columns are NULL), {stray} matching no Archigos spell; {} spells without a row",
        n - empty,
        spells - n
    )
}

/// The segments of a spell of GW code `gw` from day `start` to `end`.
fn segments(states: &States, gw: u16, start: i32, end: i32) -> Vec<Segment> {
    let mut out = Vec::new();
    for m in states.crosswalk.lookup(Scheme::Gw, &gw.to_string(), None) {
        let from = m.from.and_then(batch::day_number).unwrap_or(i32::MIN);
        let to = m.to.and_then(batch::day_number).unwrap_or(i32::MAX);
        let (a, b) = (start.max(from), end.min(to));
        if a > b {
            continue;
        }
        let ccode = m.ccode.0;
        let mut members: Vec<(i32, i32)> = states
            .system
            .get(StateCode(ccode))
            .map(|s| {
                s.spells
                    .iter()
                    .filter_map(|sp| {
                        Some((batch::day_number(sp.start)?, batch::day_number(sp.end)?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        members.sort_unstable();
        let mut day = a;
        for (ms, me) in members {
            let (x, y) = (ms.max(day), me.min(b));
            if x > y {
                continue;
            }
            if x > day {
                out.push(Segment {
                    ccode,
                    first: day,
                    last: x - 1,
                    member: false,
                });
            }
            out.push(Segment {
                ccode,
                first: x,
                last: y,
                member: true,
            });
            day = y + 1;
        }
        if day <= b {
            out.push(Segment {
                ccode,
                first: day,
                last: b,
                member: false,
            });
        }
    }
    out.sort_by_key(|s| s.first);
    out
}

/// GML participations with a leader coded, and the provenance line.
fn participations(dir: &DataDir) -> Result<(Vec<Participation>, String, SourceUse), DataError> {
    let t = GML_PART_LEADERS.read(dir)?;
    let b = &t.batch;
    let int = |n| batch::ints(b, n);
    let (disp, ccode) = (int("dispnum"), batch::codes(b, "ccode"));
    let (sy, sm, sd) = (int("styear"), int("stmon"), int("dummy_stday"));
    let (ey, em, ed) = (int("endyear"), int("endmon"), int("dummy_endday"));
    let (sidea, orig) = (int("sidea"), int("orig"));
    let (miss_s, miss_e) = (int("allmiss_leader_start"), int("allmiss_leader_end"));
    let start = batch::texts(b, "obsid_start");
    let day = |y: Option<i64>, m: Option<i64>, d: Option<i64>| {
        chrono::NaiveDate::from_ymd_opt(y? as i32, m? as u32, d? as u32).and_then(batch::day_number)
    };
    let mut out = Vec::new();
    let mut skipped = 0;
    for i in 0..disp.len() {
        if miss_s[i] == Some(1) || miss_e[i] == Some(1) {
            skipped += 1;
            continue;
        }
        let (Some(first), Some(last)) = (day(sy[i], sm[i], sd[i]), day(ey[i], em[i], ed[i])) else {
            return Err(malformed(
                &t.source,
                i,
                "no such day (styear-stmon-dummy_stday or endyear-endmon-dummy_endday)",
            ));
        };
        if last < first {
            return Err(malformed(
                &t.source,
                i,
                "the participation ends before it starts",
            ));
        }
        out.push(Participation {
            dispnum: disp[i].unwrap_or_default(),
            ccode: ccode[i],
            first,
            last,
            sidea: sidea[i] == Some(1),
            orig: orig[i] == Some(1),
            obsid_start: start[i].map(str::to_string),
        });
    }
    let note = format!(
        "GML participants: {} rows, {} attributed to leaders day by day (GML's dummy_stday/dummy_endday); {skipped} with no leader coded (allmiss_leader_start/end, all before 1870) are not",
        disp.len(),
        out.len()
    );
    Ok((out, note, t.source))
}

/// A data error about data row `row` (0-based) of a file.
fn malformed(source: &SourceUse, row: usize, message: &str) -> DataError {
    ReadError::Malformed {
        file: source.file.clone(),
        line: row as u64 + 2,
        message: message.to_string(),
    }
    .into()
}
