//! The recipe of the derived chronology: which rules date a dyad's events
//! from the data, the stance and area each rule gives, and its thresholds.
//! Named, versioned and hashed like the index recipes, so a derived Table 1
//! can always say exactly which rules made it. The default is
//! `crates/analysis/data/chronology/derive.toml`; the rules are documented
//! in docs/chronology.md.

use crate::chronology::AREAS;
use crate::file_error::{from_toml, read_text, sha256_hex, FileError};
use serde::Deserialize;
use toml::Spanned;

const BUILTIN: &str = include_str!("../data/chronology/derive.toml");
const BUILTIN_FILE: &str = "crates/analysis/data/chronology/derive.toml";

/// What a rule reads and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    AllianceBegin,
    AllianceEnd,
    MidOnset,
    GmlMidOnset,
    WarOpposite,
    WarSameSide,
    RivalryBegin,
    RivalryEnd,
    LeaderChange,
    TradeBreak,
    UnBreak,
    EventExtreme,
}

/// Every kind, its name in the recipe and what it dates.
pub const KINDS: [(RuleKind, &str, &str); 12] = [
    (
        RuleKind::AllianceBegin,
        "alliance_begin",
        "an ATOP obligation in force in a year and not the year before",
    ),
    (
        RuleKind::AllianceEnd,
        "alliance_end",
        "the last year an ATOP obligation is in force",
    ),
    (
        RuleKind::MidOnset,
        "mid_onset",
        "a COW-MID dispute begins between the two",
    ),
    (
        RuleKind::GmlMidOnset,
        "gml_mid_onset",
        "a GML MID dispute of the two that COW-MID lacks begins",
    ),
    (
        RuleKind::WarOpposite,
        "war_opposite",
        "the two fight a COW inter-state war on opposite sides",
    ),
    (
        RuleKind::WarSameSide,
        "war_same_side",
        "the two fight a COW inter-state war on the same side",
    ),
    (
        RuleKind::RivalryBegin,
        "rivalry_begin",
        "a TSS strategic rivalry of the two begins",
    ),
    (
        RuleKind::RivalryEnd,
        "rivalry_end",
        "a TSS strategic rivalry of the two ends",
    ),
    (
        RuleKind::LeaderChange,
        "leader_change",
        "a new leader takes office on either side (Archigos)",
    ),
    (
        RuleKind::TradeBreak,
        "trade_break",
        "a year-on-year change of ln(1 + total trade) beyond sd standard deviations of the dyad's own changes",
    ),
    (
        RuleKind::UnBreak,
        "un_break",
        "a year-on-year change of UN voting agreement beyond sd standard deviations of the dyad's own changes",
    ),
    (
        RuleKind::EventExtreme,
        "event_extreme",
        "a month whose event net cooperation lies beyond sd standard deviations of the dyad's months",
    ),
];

/// ATOP obligation types a rule may read (the dyad-year columns `atop_*`).
pub const ATOP_TYPES: [&str; 5] = ["defense", "offense", "neutral", "nonagg", "consul"];
/// Stances a rule may give.
pub const RULE_STANCES: [&str; 3] = ["cooperation", "competition", "neutral"];

/// One validated rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub name: String,
    pub kind: RuleKind,
    pub area: String,
    /// The stance of a fixed rule; for the break and event rules, `rise`
    /// and `fall` give it by the change's sign.
    pub stance: Option<String>,
    pub rise: Option<String>,
    pub fall: Option<String>,
    pub types: Vec<String>,
    pub min_hostlev: i64,
    pub sd: f64,
    pub min_changes: usize,
    pub min_events: i64,
    pub min_months: usize,
    pub top: usize,
}

impl Rule {
    /// The kind's name in the recipe.
    pub fn kind_name(&self) -> &'static str {
        KINDS.iter().find(|k| k.0 == self.kind).map_or("", |k| k.1)
    }

    /// One line saying what the rule dates and the stance it gives.
    pub fn describe(&self) -> String {
        let what = KINDS.iter().find(|k| k.0 == self.kind).map_or("", |k| k.2);
        let what = what.replace("sd standard", &format!("{} standard", self.sd));
        let mut extra = Vec::new();
        if !self.types.is_empty() {
            extra.push(format!("types {}", self.types.join(", ")));
        }
        if matches!(self.kind, RuleKind::MidOnset | RuleKind::GmlMidOnset) {
            extra.push(format!("hostility level >= {}", self.min_hostlev));
        }
        if matches!(self.kind, RuleKind::TradeBreak | RuleKind::UnBreak) {
            extra.push(format!("at least {} changes", self.min_changes));
        }
        if self.kind == RuleKind::EventExtreme {
            extra.push(format!(
                "months with >= {} events, at least {} such months, top {} events listed",
                self.min_events, self.min_months, self.top
            ));
        }
        let stance = match (&self.stance, &self.rise, &self.fall) {
            (Some(s), _, _) => s.clone(),
            (None, Some(r), Some(f)) => format!("{r} on a rise, {f} on a fall"),
            _ => String::new(),
        };
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join("; "))
        };
        format!(
            "{}: {what}{extra} -> {stance}, area {}",
            self.name, self.area
        )
    }
}

/// A validated derivation recipe and the file it came from.
#[derive(Debug, Clone)]
pub struct DeriveRecipe {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub rules: Vec<Rule>,
    pub file: String,
    pub sha256: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipe {
    name: String,
    version: u32,
    #[serde(default)]
    description: String,
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: Spanned<String>,
    kind: Spanned<String>,
    area: Spanned<String>,
    stance: Option<Spanned<String>>,
    rise: Option<Spanned<String>>,
    fall: Option<Spanned<String>>,
    types: Option<Spanned<Vec<String>>>,
    min_hostlev: Option<Spanned<i64>>,
    sd: Option<Spanned<f64>>,
    min_changes: Option<Spanned<i64>>,
    min_events: Option<Spanned<i64>>,
    min_months: Option<Spanned<i64>>,
    top: Option<Spanned<i64>>,
}

impl DeriveRecipe {
    /// The recipe shipped with ordo.
    pub fn builtin() -> DeriveRecipe {
        DeriveRecipe::parse(BUILTIN, BUILTIN_FILE).expect("the shipped derivation recipe is valid")
    }

    pub fn load(path: &std::path::Path) -> Result<DeriveRecipe, FileError> {
        let (text, file) = read_text(path)?;
        DeriveRecipe::parse(&text, &file)
    }

    pub fn parse(text: &str, file: &str) -> Result<DeriveRecipe, FileError> {
        let raw: RawRecipe = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut rules: Vec<Rule> = Vec::new();
        for r in raw.rule {
            let span = r.span();
            let rule = rule(text, file, r.into_inner(), span.clone())?;
            if rules.iter().any(|x| x.name == rule.name) {
                return Err(FileError::at(
                    file,
                    text,
                    span,
                    "name",
                    format!("rule `{}` is defined twice", rule.name),
                ));
            }
            rules.push(rule);
        }
        Ok(DeriveRecipe {
            name: raw.name,
            version: raw.version,
            description: raw.description,
            rules,
            file: file.to_string(),
            sha256: sha256_hex(text),
        })
    }

    /// One line naming the recipe, for provenance.
    pub fn describe(&self) -> String {
        format!(
            "derivation recipe {} version {} ({}, sha256 {}): {} rules",
            self.name,
            self.version,
            self.file,
            self.sha256,
            self.rules.len()
        )
    }
}

/// Validates one rule: its kind, the keys that kind needs (and no others
/// that it would ignore), and the vocabularies.
fn rule(
    text: &str,
    file: &str,
    r: RawRule,
    whole: std::ops::Range<usize>,
) -> Result<Rule, FileError> {
    let err = |span: std::ops::Range<usize>, key: &str, message: String| {
        FileError::at(file, text, span, key, message)
    };
    let Some(&(kind, _, _)) = KINDS.iter().find(|k| k.1 == r.kind.get_ref()) else {
        let known: Vec<&str> = KINDS.iter().map(|k| k.1).collect();
        return Err(err(
            r.kind.span(),
            "kind",
            format!(
                "unknown kind `{}` (known: {})",
                r.kind.get_ref(),
                known.join(", ")
            ),
        ));
    };
    if !AREAS.contains(&r.area.get_ref().as_str()) {
        return Err(err(
            r.area.span(),
            "area",
            format!("`{}` is not one of {}", r.area.get_ref(), AREAS.join(", ")),
        ));
    }
    let stance_of = |v: &Option<Spanned<String>>, key: &str| -> Result<Option<String>, FileError> {
        match v {
            None => Ok(None),
            Some(s) if RULE_STANCES.contains(&s.get_ref().as_str()) => {
                Ok(Some(s.get_ref().clone()))
            }
            Some(s) => Err(err(
                s.span(),
                key,
                format!(
                    "`{}` is not one of {}",
                    s.get_ref(),
                    RULE_STANCES.join(", ")
                ),
            )),
        }
    };
    let signed = matches!(
        kind,
        RuleKind::TradeBreak | RuleKind::UnBreak | RuleKind::EventExtreme
    );
    let (stance, rise, fall) = (
        stance_of(&r.stance, "stance")?,
        stance_of(&r.rise, "rise")?,
        stance_of(&r.fall, "fall")?,
    );
    let needs = |present: bool, key: &str, why: &str| {
        if present {
            Ok(())
        } else {
            Err(err(whole.clone(), key, why.to_string()))
        }
    };
    let unused = |present: bool, span: Option<std::ops::Range<usize>>, key: &str| {
        if present {
            Err(err(
                span.unwrap_or(whole.clone()),
                key,
                format!("a `{}` rule does not use `{key}`", r.kind.get_ref()),
            ))
        } else {
            Ok(())
        }
    };
    if signed {
        needs(
            rise.is_some() && fall.is_some(),
            "rise",
            "a break or event rule gives `rise` and `fall` stances",
        )?;
        unused(
            stance.is_some(),
            r.stance.as_ref().map(|s| s.span()),
            "stance",
        )?;
    } else {
        needs(stance.is_some(), "stance", "give the rule's `stance`")?;
        unused(rise.is_some(), r.rise.as_ref().map(|s| s.span()), "rise")?;
        unused(fall.is_some(), r.fall.as_ref().map(|s| s.span()), "fall")?;
    }
    let alliance = matches!(kind, RuleKind::AllianceBegin | RuleKind::AllianceEnd);
    let types = match &r.types {
        Some(t) if alliance => {
            if t.get_ref().is_empty() {
                return Err(err(t.span(), "types", "name at least one ATOP type".into()));
            }
            for x in t.get_ref() {
                if !ATOP_TYPES.contains(&x.as_str()) {
                    return Err(err(
                        t.span(),
                        "types",
                        format!("`{x}` is not one of {}", ATOP_TYPES.join(", ")),
                    ));
                }
            }
            t.get_ref().clone()
        }
        Some(t) => {
            return Err(err(
                t.span(),
                "types",
                format!("a `{}` rule does not use `types`", r.kind.get_ref()),
            ))
        }
        None if alliance => ATOP_TYPES.iter().map(|s| s.to_string()).collect(),
        None => Vec::new(),
    };
    let mids = matches!(kind, RuleKind::MidOnset | RuleKind::GmlMidOnset);
    if !mids {
        unused(
            r.min_hostlev.is_some(),
            r.min_hostlev.as_ref().map(|s| s.span()),
            "min_hostlev",
        )?;
    }
    let min_hostlev = r.min_hostlev.as_ref().map_or(1, |v| *v.get_ref());
    if !(1..=5).contains(&min_hostlev) {
        return Err(err(
            r.min_hostlev.as_ref().map_or(whole.clone(), |v| v.span()),
            "min_hostlev",
            format!("hostility levels are 1 to 5, found {min_hostlev}"),
        ));
    }
    if !signed {
        unused(r.sd.is_some(), r.sd.as_ref().map(|s| s.span()), "sd")?;
    }
    let sd = r.sd.as_ref().map_or(2.0, |v| *v.get_ref());
    if !(sd.is_finite() && sd > 0.0) {
        return Err(err(
            r.sd.as_ref().map_or(whole.clone(), |v| v.span()),
            "sd",
            format!("sd must be a positive number, found {sd}"),
        ));
    }
    let count = |v: &Option<Spanned<i64>>, key: &str, used: bool, default: i64| match v {
        Some(s) if !used => unused(true, Some(s.span()), key).map(|_| 0),
        Some(s) if *s.get_ref() < 1 => Err(err(
            s.span(),
            key,
            format!("{key} must be at least 1, found {}", s.get_ref()),
        )),
        Some(s) => Ok(*s.get_ref()),
        None => Ok(default),
    };
    let breaks = matches!(kind, RuleKind::TradeBreak | RuleKind::UnBreak);
    let events = kind == RuleKind::EventExtreme;
    Ok(Rule {
        name: r.name.get_ref().clone(),
        kind,
        area: r.area.get_ref().clone(),
        stance,
        rise,
        fall,
        types,
        min_hostlev,
        sd,
        min_changes: count(&r.min_changes, "min_changes", breaks, 10)? as usize,
        min_events: count(&r.min_events, "min_events", events, 20)?,
        min_months: count(&r.min_months, "min_months", events, 12)? as usize,
        top: count(&r.top, "top", events, 3)? as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_recipe() {
        let r = DeriveRecipe::builtin();
        assert_eq!((r.name.as_str(), r.version), ("ordo-derive-default", 1));
        assert_eq!(r.rules.len(), 12);
        let trade = r.rules.iter().find(|x| x.name == "trade_break").unwrap();
        assert_eq!((trade.sd, trade.min_changes), (2.0, 10));
        let mid = r.rules.iter().find(|x| x.name == "mid_onset").unwrap();
        assert_eq!(
            (mid.min_hostlev, mid.stance.as_deref()),
            (2, Some("competition"))
        );
        assert_eq!(r.sha256.len(), 64);
    }

    #[test]
    fn bad_rules_name_line_and_key() {
        let head = "name = \"r\"\nversion = 1\n";
        let parse = |body: &str| DeriveRecipe::parse(&format!("{head}{body}"), "d.toml");
        let e = parse(
            "[[rule]]\nname = \"x\"\nkind = \"coup\"\nstance = \"neutral\"\narea = \"diplomacy\"\n",
        )
        .unwrap_err();
        assert!(
            e.message.contains("unknown kind `coup`") && e.line == 5 && e.key == "kind",
            "{e}"
        );
        let e = parse("[[rule]]\nname = \"x\"\nkind = \"mid_onset\"\nstance = \"hostile\"\narea = \"security\"\n").unwrap_err();
        assert!(e.message.contains("`hostile`") && e.line == 6, "{e}");
        let e = parse("[[rule]]\nname = \"x\"\nkind = \"trade_break\"\nstance = \"neutral\"\narea = \"economy_energy\"\n").unwrap_err();
        assert!(e.message.contains("`rise` and `fall`"), "{e}");
        let e = parse("[[rule]]\nname = \"x\"\nkind = \"war_opposite\"\nstance = \"competition\"\nsd = 3.0\narea = \"security\"\n").unwrap_err();
        assert!(
            e.message.contains("does not use `sd`") && e.line == 7,
            "{e}"
        );
        let e = parse("[[rule]]\nname = \"x\"\nkind = \"alliance_begin\"\ntypes = [\"entente\"]\nstance = \"cooperation\"\narea = \"security\"\n").unwrap_err();
        assert!(e.message.contains("`entente`") && e.key == "types", "{e}");
        let e = parse("[[rule]]\nname = \"x\"\nkind = \"mid_onset\"\nmin_hostlev = 7\nstance = \"competition\"\narea = \"security\"\n").unwrap_err();
        assert!(e.message.contains("1 to 5"), "{e}");
        let twice = "[[rule]]\nname = \"x\"\nkind = \"war_opposite\"\nstance = \"competition\"\narea = \"security\"\n";
        let e = parse(&format!("{twice}{twice}")).unwrap_err();
        assert!(e.message.contains("defined twice") && e.line == 8, "{e}");
    }
}
