#!/usr/bin/env python3
"""Deterministic generator of synthetic POLECAT rows (the weekly/yearly
files of POLECAT Weekly Data, Harvard Dataverse doi:10.7910/DVN/AJGVIT):
a header of the 40 tab-separated columns `Event ID` ... `Version`, then one
event per line, `None` for missing values.

Value model (synthetic, shaped like the published files, not copied):
  * Event ID `YYYYMMDD-HHMM-<12 hex>_<TYPE>_R`, unique (a bijection of the
    row number); Event Date ISO `YYYY-MM-DD` over --start/--months
    (default 2022-01, 24 months).
  * Event Type: the 16 PLOVER types (crates/events/src/plover.rs) with a
    news-like mix (CONSULT, ACCUSE, ASSAULT and AGREE most common); Event
    Mode from the PLOVER modes of the type, often `None`; Quad Code the
    type's quad label (VERBAL COOPERATION ...); Intensity around the type's
    level, one or two decimals, within -10..10.
  * Actors and recipients: ISO-3 countries of ordo's crosswalk
    (crates/states/data/crosswalk.csv, current codes) with Zipf-like
    popularity (USA, GBR, RUS, CHN, ...), plus PSE and HKG (no COW state);
    `Actor COW` the crosswalk's COW code on ~75% of country rows, else
    `None`; primary sectors written as words (Government, Military,
    Police, Business, Civilian, ...), `None` for a bare country; synthetic
    person names, titles and Wikidata ids. ~12% of actors and ~20% of
    recipients have no country (IGOs, unidentified groups); ~2% are
    compound (`RUS;UKR`, as PLOVER's list-valued actors); ~10% of dyads
    are domestic.
  * Location block (Placename ... Feature Type) for ~70% of rows, Source
    (publisher), Publication Date (0-2 days after the event), Story
    People/Organizations/Locations (`;`-joined lists), Language, Version.

Every row is valid for `ordo ingest polecat`: all rows are stored.

Usage:
  python3 bench/gen_polecat.py --size 1G --seed 42 --out polecat.tsv
  python3 bench/gen_polecat.py --rows 100000 --seed 1 --out - | head
"""
import argparse
import datetime as dt
import sys

import numpy as np

import gen_common as gc

COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
    "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
    "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
]

QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
         4: "MATERIAL CONFLICT"}
# type, quad, share, typical intensity, modes
TYPES = [
    ("AGREE", 1, 0.08, 4.0, []),
    ("CONSULT", 1, 0.19, 1.0, ["phone", "visit", "third-party", "multilateral"]),
    ("SUPPORT", 1, 0.07, 3.0, []),
    ("CONCEDE", 1, 0.02, 4.5, ["policy", "release", "ceasefire", "return"]),
    ("COOPERATE", 2, 0.06, 6.0, []),
    ("AID", 2, 0.04, 7.0, ["economic", "military", "humanitarian", "intelligence"]),
    ("RETREAT", 2, 0.01, 5.0, ["withdraw", "release", "return", "disarm"]),
    ("REQUEST", 3, 0.07, -1.0, []),
    ("ACCUSE", 3, 0.14, -2.0, ["disapprove", "investigate", "allege"]),
    ("REJECT", 3, 0.04, -4.0, []),
    ("THREATEN", 3, 0.03, -5.0, ["restrict", "ban", "arrest", "sanction", "attack"]),
    ("PROTEST", 4, 0.04, -6.0, ["demo", "march", "riot", "strike", "hunger", "occupy"]),
    ("SANCTION", 4, 0.03, -6.5, ["convict", "expel", "withdraw", "discontinue"]),
    ("MOBILIZE", 4, 0.02, -7.0, ["troops", "weapons", "police", "militia"]),
    ("COERCE", 4, 0.06, -7.5, ["seize", "restrict", "ban", "arrest", "deport", "censor", "cyber"]),
    ("ASSAULT", 4, 0.10, -9.0, ["beat", "firearms", "explosives", "aerial", "asymmetric",
                                "primitive", "CBRN"]),
]
CONTEXTS = ["economic", "human_rights", "military", "political", "cyber", "elections", "refugee",
            "terrorism", "disaster", "health", "legal", "environment", "migration", "corruption",
            "crime", "diplomatic", "energy", "food_security", "nuclear", "religion"]
# sector word, share, titles, name pattern
VARIANTS = [
    (None, 0.30, [], "{country}"),
    ("Government", 0.26, ["President", "Prime Minister", "Foreign Minister", "Minister"], "{person}"),
    ("Government", 0.06, [], "Government of {country}"),
    ("Military", 0.08, ["General", "Defence Minister"], "{country} Armed Forces"),
    ("Police", 0.04, [], "{country} Police"),
    ("Judiciary", 0.02, ["Judge"], "Supreme Court of {country}"),
    ("Legislature", 0.03, ["Senator", "Member of Parliament"], "{person}"),
    ("Business", 0.05, ["CEO"], "{person}"),
    ("Civilian", 0.06, [], "{country} civilians"),
    ("Media", 0.03, ["Journalist"], "{person}"),
    ("Opposition", 0.03, ["Opposition leader"], "{person}"),
    ("Rebel", 0.02, [], "{country} rebels"),
    ("Education", 0.01, [], "{country} students"),
    ("Intelligence", 0.01, [], "{country} intelligence services"),
]
NO_COUNTRY = [("United Nations", "Intergovernmental Organization", "Q1065"),
              ("European Union", "Intergovernmental Organization", "Q458"),
              ("NATO", "Intergovernmental Organization", "Q7184"),
              ("World Health Organization", "Intergovernmental Organization", "Q7817"),
              ("Amnesty International", "Non-governmental Organization", "Q42970"),
              ("Red Cross", "Non-governmental Organization", "Q3354786"),
              ("unidentified gunmen", "Rebel", "None"), ("protesters", "Civilian", "None"),
              ("Islamic State", "Rebel", "Q2429253"), ("hackers", "Criminal", "None")]
SOURCES = ["reuters", "apnews", "bbc", "aljazeera", "france24", "dw", "nytimes", "washingtonpost",
           "theguardian", "xinhua", "tass", "kyivindependent", "timesofindia", "dawn",
           "straitstimes", "allafrica", "efe", "ansa", "yonhap", "japantimes", "abc.net.au",
           "cbc", "elpais", "folha", "premiumtimesng", "dailymaverick", "arabnews", "haaretz"]
LANGUAGES = [("en", 0.62), ("es", 0.08), ("ar", 0.07), ("fr", 0.06), ("de", 0.04), ("ru", 0.04),
             ("zh", 0.04), ("pt", 0.03), ("ja", 0.02)]
SYL = ["an", "ar", "be", "ca", "da", "el", "fa", "go", "ha", "il", "jo", "ka", "li", "ma", "na",
       "ol", "pe", "ra", "sa", "ta", "ul", "vi", "wa", "ya", "za", "mir", "kov", "son", "ez",
       "ski", "ton", "ber", "hai", "ren", "lo", "mu", "di", "shi", "ko", "ne"]


class Vocab:
    """Everything that does not depend on --seed (a fixed internal seed)."""

    def __init__(self, start, months):
        rng = np.random.default_rng(20240601)
        names = gc.english_names()
        ref = dt.date(2020, 1, 1)
        countries = []  # (iso3, cow or None, name)
        for ccode, spells in gc.states("iso3"):
            code = gc.code_on(spells, ref)
            if code and code not in [c[0] for c in countries]:
                countries.append((code, ccode, names.get(ccode, code)))
        countries.insert(23, ("PSE", None, "Palestine"))
        countries.insert(60, ("HKG", None, "Hong Kong"))
        self.countries = countries
        nc = len(countries)
        self.country_p = gc.zipf_weights(nc, 1.05)

        def word():
            w = "".join(rng.choice(SYL, size=int(rng.integers(2, 4))))
            return w.capitalize()

        def qid():
            return f"Q{int(rng.integers(1000, 120_000_000))}"

        # actor blocks: Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wiki id
        blocks = []
        self.people = []
        for code, cow, cname in countries:
            persons = [(f"{word()} {word()}", qid()) for _ in range(12)]
            self.people += [p for p, _ in persons]
            for sector, _w, titles, pattern in VARIANTS:
                for with_cow in (False, True):
                    person, wid = persons[int(rng.integers(len(persons)))]
                    name = pattern.format(country=cname, person=person)
                    raw = person.split()[-1] if "{person}" in pattern else cname
                    if "{person}" not in pattern:
                        wid = qid() if sector is None else "None"
                    title = titles[int(rng.integers(len(titles)))] if titles else "None"
                    sectors = "None" if sector is None else (
                        sector if rng.random() < 0.6 else f"{sector};Elite")
                    cowf = str(cow) if (with_cow and cow is not None) else "None"
                    blocks.append("\t".join([name, code, cowf, sector or "None", sectors, title,
                                             raw, wid]))
        self.nvar = len(VARIANTS)
        self.variant_p = np.array([v[1] for v in VARIANTS])
        self.variant_p /= self.variant_p.sum()
        self.nocountry_base = len(blocks)
        for name, sector, wid in NO_COUNTRY:
            blocks.append("\t".join([name, "None", "None", sector, sector, "None", name, wid]))
        self.compound_base = len(blocks)
        top = countries[:30]
        self.ncompound = 0
        for i, (c1, w1, n1) in enumerate(top):
            for c2, w2, n2 in top[i + 1:i + 6]:
                cows = "None" if w1 is None or w2 is None else f"{w1};{w2}"
                blocks.append("\t".join([f"{n1};{n2}", f"{c1};{c2}", cows, "Government",
                                         "Government", "None", f"{n1} and {n2}", "None"]))
                self.ncompound += 1
        self.actor_blocks = blocks

        # location blocks: Placename, City, District, Province, Country, Lat, Lon,
        # GeoNames ID, Raw Placename, Feature Type
        geos, self.geo_of = [], []
        self.places = []
        for code, _cow, cname in countries:
            lat0, lon0 = rng.uniform(-40, 60), rng.uniform(-120, 150)
            mine = []
            capital = f"{word()}{rng.choice(['', 'ville', 'grad', 'abad', ' City'])}"
            for k, ftype in enumerate(["PCLI", "PPLC", "PPLA", "PPLA", "PPL", "ADM1"]):
                city = capital if k == 1 else word()
                prov = f"{word()} Province" if k else "None"
                lat, lon = lat0 + rng.uniform(-3, 3), lon0 + rng.uniform(-3, 3)
                place = cname if k == 0 else (prov if ftype == "ADM1" else city)
                mine.append(len(geos))
                geos.append("\t".join([place, "None" if k in (0, 5) else city,
                                       "None" if k < 4 else f"{word()} District", prov, cname,
                                       f"{lat:.5f}", f"{lon:.5f}", str(int(rng.integers(1e5, 1.2e7))),
                                       place, ftype]))
                self.places.append(place)
            self.geo_of.append(mine)
        self.geo_mat = np.array(self.geo_of)
        self.empty_geo = len(geos)
        geos.append("\t".join(["None"] * 10))
        self.geo_blocks = geos

        # types
        self.types = TYPES
        self.type_p = np.array([t[2] for t in TYPES])
        self.type_p /= self.type_p.sum()
        self.mode_pool = [["None"] + t[4] for t in TYPES]

        # story lists and contexts: pools of ;-joined strings
        def pool(items, n, k_max, none_share):
            out = []
            for _ in range(n):
                if rng.random() < none_share:
                    out.append("None")
                    continue
                k = int(rng.integers(1, k_max + 1))
                out.append(";".join(rng.choice(items, size=k, replace=False)))
            return out
        orgs = ([n for n, _, _ in NO_COUNTRY[:6]] + [f"{c[2]} Ministry of {m}" for c in countries[:40]
                for m in ("Foreign Affairs", "Defence", "Finance")] + [f"{word()} Corp" for _ in range(80)])
        self.ctx_pool = pool(CONTEXTS, 400, 3, 0.35)
        self.people_pool = pool(self.people, 6000, 8, 0.1)
        self.org_pool = pool(orgs, 3000, 5, 0.25)
        self.loc_pool = pool(self.places, 4000, 6, 0.15)
        self.lang = [lang for lang, _ in LANGUAGES]
        self.lang_p = np.array([p for _, p in LANGUAGES])
        self.lang_p /= self.lang_p.sum()

        d0, self.ndays = gc.months_days(start, months)
        days = [d0 + dt.timedelta(days=i) for i in range(self.ndays + 3)]
        self.iso = [d.isoformat() for d in days]
        self.compact = [d.strftime("%Y%m%d") for d in days]


def gen_chunk(V, seed, chunk_idx, n, first):
    rng = np.random.default_rng(np.random.SeedSequence([seed, chunk_idx]))
    nc = len(V.countries)

    def actors(p_none, p_compound):
        u = rng.random(n)
        c = rng.choice(nc, size=n, p=V.country_p)
        v = rng.choice(V.nvar, size=n, p=V.variant_p)
        cow = (rng.random(n) < 0.75).astype(np.int64)
        idx = (c * V.nvar + v) * 2 + cow
        idx = np.where(u < p_none, V.nocountry_base + rng.integers(0, len(NO_COUNTRY), size=n),
                       np.where(u < p_none + p_compound,
                                V.compound_base + rng.integers(0, V.ncompound, size=n), idx))
        return idx, np.where(u < p_none + p_compound, -1, c)

    a1, c1 = actors(0.12, 0.02)
    a2, c2 = actors(0.20, 0.02)
    same = (c1 >= 0) & (c2 >= 0) & (rng.random(n) < 0.10)
    a2 = np.where(same, ((c1 * V.nvar) + (a2 // 2) % V.nvar) * 2 + a2 % 2, a2)
    c2 = np.where(same, c1, c2)

    t = rng.choice(len(V.types), size=n, p=V.type_p)
    mode = rng.integers(0, 1 << 20, size=n)
    mode_none = rng.random(n) < 0.55
    base = np.array([x[3] for x in V.types])[t]
    inten = np.clip(base + rng.choice([-1.5, -1.0, -0.5, 0.0, 0.0, 0.5, 1.0], size=n), -10, 10)
    two = rng.random(n) < 0.1
    inten = np.where(two, np.clip(inten + rng.choice([-0.25, 0.25], size=n), -10, 10), inten)
    day = rng.integers(0, V.ndays, size=n)
    pub = day + np.where(rng.random(n) < 0.7, 0, rng.integers(1, 3, size=n))
    hhmm = rng.integers(0, 24, size=n) * 100 + rng.integers(0, 60, size=n)
    ids = (np.arange(first, first + n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) & np.uint64((1 << 48) - 1)

    cc = np.where(c1 >= 0, c1, rng.choice(nc, size=n, p=V.country_p))
    g = V.geo_mat[cc, rng.integers(0, V.geo_mat.shape[1], size=n)]
    g = np.where(rng.random(n) < 0.3, V.empty_geo, g)
    src = rng.integers(0, len(SOURCES), size=n)
    ctxs = rng.integers(0, len(V.ctx_pool), size=n)
    ppl = rng.integers(0, len(V.people_pool), size=n)
    org = rng.integers(0, len(V.org_pool), size=n)
    loc = rng.integers(0, len(V.loc_pool), size=n)
    lang = rng.choice(len(V.lang), size=n, p=V.lang_p)

    AB, GB, T, MP = V.actor_blocks, V.geo_blocks, V.types, V.mode_pool
    ISO, CMP = V.iso, V.compact
    out = []
    for (d, hm, h, ti, mo, mn, it, tw, x1, x2, gi, s, ct, pd, pe, og, lo, la) in zip(
            day.tolist(), hhmm.tolist(), ids.tolist(), t.tolist(), mode.tolist(), mode_none.tolist(),
            inten.tolist(), two.tolist(), a1.tolist(), a2.tolist(), g.tolist(), src.tolist(),
            ctxs.tolist(), pub.tolist(), ppl.tolist(), org.tolist(), loc.tolist(), lang.tolist()):
        typ, quad = T[ti][0], T[ti][1]
        modes = MP[ti]
        m = "None" if mn or len(modes) == 1 else modes[1 + mo % (len(modes) - 1)]
        its = f"{it:.2f}" if tw else f"{it:.1f}"
        out.append(
            f"{CMP[d]}-{hm:04d}-{h:012x}_{typ}_R\t{ISO[d]}\t{typ}\t{m}\t{its}\t"
            f"{QUADS[quad]}\t{V.ctx_pool[ct]}\t{AB[x1]}\t{AB[x2]}\t{GB[gi]}\t{SOURCES[s]}\t{ISO[pd]}\t"
            f"{V.people_pool[pe]}\t{V.org_pool[og]}\t{V.loc_pool[lo]}\t{V.lang[la]}\t1.0\n")
    return "".join(out).encode("utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    gc.common_args(ap, "2022-01", 24)
    a = ap.parse_args(argv)
    header = ("\t".join(COLUMNS) + "\n").encode()
    gc.write(a, Vocab, (a.start, a.months), gen_chunk, header=header, label="gen_polecat")


if __name__ == "__main__":
    sys.exit(main())
