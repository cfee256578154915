//! The 16 PLOVER event types (the ontology POLECAT is coded in) and the quad
//! class the PLOVER manual heads each with: verbal cooperation AGREE,
//! CONSULT, SUPPORT, CONCEDE; material cooperation COOPERATE, AID, RETREAT;
//! verbal conflict REQUEST (formerly DEMAND), ACCUSE, REJECT, THREATEN;
//! material conflict PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
//! (openeventdata/PLOVER, `PLOVER_MANUAL.tex`; the same grouping as
//! POLECAT's `Quad Code` column and rpolecat's `QUAD_MAP`). Every class
//! scheme of `data/schemes/` places these types by this grouping, so a
//! POLECAT row and a CAMEO row are scored by one documented map
//! (docs/events.md, "One series across sources").

use crate::code::Code;

/// Each type, its quad class (1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict).
pub const TYPES: [(&str, u8); 16] = [
    ("AGREE", 1),
    ("CONSULT", 1),
    ("SUPPORT", 1),
    ("CONCEDE", 1),
    ("COOPERATE", 2),
    ("AID", 2),
    ("RETREAT", 2),
    ("REQUEST", 3),
    ("ACCUSE", 3),
    ("REJECT", 3),
    ("THREATEN", 3),
    ("PROTEST", 4),
    ("SANCTION", 4),
    ("MOBILIZE", 4),
    ("COERCE", 4),
    ("ASSAULT", 4),
];

/// The quad-class labels POLECAT writes in `Quad Code`.
pub const QUAD_LABELS: [(&str, u8); 4] = [
    ("VERBAL COOPERATION", 1),
    ("MATERIAL COOPERATION", 2),
    ("VERBAL CONFLICT", 3),
    ("MATERIAL CONFLICT", 4),
];

/// The code of every PLOVER type.
pub fn codes() -> impl Iterator<Item = Code> {
    TYPES
        .iter()
        .map(|(t, _)| Code::pack(t.as_bytes()).expect("PLOVER types pack"))
}

/// The quad class of a PLOVER type (`None`: not a PLOVER type); packed
/// once, compared as integers (it runs for every POLECAT row).
pub fn quad_of(code: Code) -> Option<u8> {
    static PACKED: std::sync::OnceLock<Vec<(Code, u8)>> = std::sync::OnceLock::new();
    PACKED
        .get_or_init(|| codes().zip(TYPES.iter().map(|(_, q)| *q)).collect())
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, q)| *q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_types_four_quads() {
        assert_eq!(codes().count(), 16);
        let per_quad: Vec<usize> = (1..=4)
            .map(|q| TYPES.iter().filter(|(_, x)| *x == q).count())
            .collect();
        assert_eq!(per_quad, [4, 3, 4, 5]);
        assert_eq!(quad_of(Code::pack(b"MOBILIZE").unwrap()), Some(4));
        assert_eq!(quad_of(Code::pack(b"042").unwrap()), None);
    }
}
