"""``ordo.Session``: every capability of ordo as a method returning an :class:`ordo.Table`.

Each method is one call of the ordo library, the same call an ``ordo``
command makes, so it returns the same numbers as the command (named in
each docstring). Arguments are keyword arguments after the required ones;
their defaults are the command's. While a call runs, the GIL is released:
other Python threads go on.

Arguments used throughout:

``a``, ``b``, ``state``
    A state as you would type it: a name in English, Italian, French or
    Russian, current or historical (``"Italy"``, ``"Soviet Union"``,
    ``"URSS"``, ``"Россия"``), a COW abbreviation (``"ITA"``), a COW number
    (``325``), an ISO alpha-3, CAMEO, ISO alpha-2 or FIPS code, or
    ``"scheme:code"`` (``"gw:260"``). See :meth:`Session.resolve`.
``years``
    ``None`` (every year the call covers), one year (``1938``), or an
    inclusive ``(from, to)`` pair where either end may be ``None``
    (``(1946, 1991)``, ``(None, 1914)``).
file arguments
    ``str`` or ``os.PathLike`` (``pathlib.Path``).
"""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING, Optional, Sequence, Tuple, Union

from ordo import _ordo
from ordo._table import Table

if TYPE_CHECKING:
    import datetime

#: A state: a name or code (``"Italy"``, ``"ITA"``, ``"gw:260"``) or a COW number (``325``).
StateLike = Union[str, int]
#: ``None``, one year, or an inclusive ``(from, to)`` pair whose ends may be ``None``.
Years = Union[None, int, Tuple[Optional[int], Optional[int]]]
#: A file or directory path.
PathLike = Union[str, "os.PathLike[str]"]
#: A day: ``"YYYY-MM-DD"`` or a ``datetime.date``.
DayLike = Union[str, "datetime.date"]
#: Event columns to count peace spells for: ``"a"``, ``"a,b"`` or ``["a", "b"]``.
Spells = Union[None, str, Sequence[str]]


def _spell_list(spells: Spells) -> Optional[list]:
    """The spell columns as a list (a string may hold several, comma-separated)."""
    if spells is None:
        return None
    if isinstance(spells, str):
        return [spells]
    return list(spells)


def _key_list(keys: Spells) -> Optional[list]:
    """Key columns as a list: ``"ccode,year"`` or ``["ccode", "year"]``."""
    if keys is None:
        return None
    if isinstance(keys, str):
        return [k.strip() for k in keys.split(",") if k.strip()]
    return list(keys)


def _path(p: Optional[PathLike]) -> Optional[str]:
    return None if p is None else os.fspath(p)


class Session:
    """Where ordo finds the datasets and its store, and what it has loaded.

    Parameters
    ----------
    data:
        Directory holding the public datasets, one folder per dataset
        (``ordo --data``). Default: ``$ORDO_DATA``, else ``./data``, else
        ``../shared/data``, else the user data directory ``ordo data pull``
        fills.
    store:
        Store directory: cached derived tables and ingested events
        (``ordo --store``). Default: ``$ORDO_STORE``, else
        ``$XDG_DATA_HOME/ordo``, else ``~/.local/share/ordo``.
    cluster:
        ``df://HOST:PORT`` of an Apache Ballista scheduler that runs the SQL
        of :meth:`sql`, :meth:`events`, :meth:`ingest` and :meth:`panel`
        (needs an ordo built with the ``cluster`` feature).
    verbose:
        Print the rules behind each table and the queries run to standard
        error (``ordo --verbose``).

    Nothing is read until a call needs it; each dataset is then read once
    and shared by every later call of the session, and by threads using the
    same session.

    Examples
    --------
    >>> import ordo                                            # doctest: +SKIP
    >>> s = ordo.Session()                                     # doctest: +SKIP
    >>> s = ordo.Session(data="~/ordo-data", store="/tmp/ordo-store")  # doctest: +SKIP
    """

    __slots__ = ("_s",)

    def __init__(
        self,
        data: Optional[PathLike] = None,
        store: Optional[PathLike] = None,
        *,
        cluster: Optional[str] = None,
        verbose: bool = False,
    ) -> None:
        data = os.path.expanduser(os.fspath(data)) if data is not None else None
        store = os.path.expanduser(os.fspath(store)) if store is not None else None
        self._s = _ordo.Session(data=data, store=store, cluster=cluster, verbose=verbose)

    @property
    def data(self) -> Optional[pathlib.Path]:
        """The data directory given to the session (``None``: discovered at the first call)."""
        return self._s.data

    @property
    def store(self) -> Optional[pathlib.Path]:
        """The store directory given to the session (``None``: discovered at the first call)."""
        return self._s.store

    def data_dir(self) -> pathlib.Path:
        """The directory the datasets are read from: ``data`` if given, else
        the one found as the CLI finds it. Raises :class:`ordo.OrdoError`,
        saying how to get the data, when there is none.

        Examples
        --------
        >>> s.data_dir() / "gdelt_v1_georgia_2011_2013"             # doctest: +SKIP
        """
        return pathlib.Path(self._s.data_dir())

    def store_dir(self) -> pathlib.Path:
        """The store directory: ``store`` if given, else the one found as the CLI finds it."""
        return pathlib.Path(self._s.store_dir())

    def __repr__(self) -> str:
        data = str(self.data) if self.data is not None else None
        store = str(self.store) if self.store is not None else None
        text = f"ordo.Session(data={data!r}, store={store!r}"
        if self._s.cluster is not None:
            text += f", cluster={self._s.cluster!r}"
        if self._s.verbose:
            text += ", verbose=True"
        return text + ")"

    # -- dyads and states ---------------------------------------------------

    def dyad(
        self,
        a: StateLike,
        b: StateLike,
        *,
        years: Years = None,
        directed: bool = False,
        spells: Spells = None,
        whittle: Optional[str] = None,
        attach: Optional[PathLike] = None,
        on: Spells = None,
        system: str = "cow",
    ) -> Table:
        """One dyad, one row per year, every measure.

        Columns: ``ccode1``, ``ccode2``, ``year``, ``gwcode1``, ``gwcode2``
        (their Gleditsch-Ward codes), then capabilities
        (``nmc_cinc1``...), ATOP alliances and portfolio similarity
        (``atop_*``), COW and GML disputes (``cowmid_*``, ``gmlmid_*``), war
        (``cowwar_*``), rivalry, trade and dependence (``trade_*``),
        contiguity and distances, shared IGOs, democracy (``dem_*``), UN
        voting agreement (``un_*``) and ideal-point distance (``bsv_*``).
        Years in which the two were not both members of the state system on
        a same day have no row; a measure outside its source's coverage is
        null. Without ``directed``, ``ccode1 < ccode2``; with it,
        ``ccode1`` is ``a``. Default years: 1816-2022.

        ``spells`` names 0/1 event columns (e.g. ``"cowmid_ongoing"``) to add
        peace spells for: ``X_spell`` (years since the last event,
        peacesciencer's ``add_spells()`` rule, counted on the dyad's whole
        history), ``X_spell2`` and ``X_spell3`` (Carter-Signorino terms).

        ``whittle`` reduces the COW and GML dispute-years to one dispute per
        dyad-year by the named rules in order (``"onset,fatality"``; the six
        are onset, fatality, hostility, duration, reciprocation, startmonth,
        ``"default"`` all six) instead of reading the pre-whittled files.
        ``attach`` joins your own CSV or Parquet file by the key columns
        ``on`` (``"ccode1,ccode2,year"``, or names/codes in any scheme the
        resolver knows); rows that cannot be attached are counted in
        ``.sources``, duplicate keys are an error.

        ``system="gw"`` builds the frame on the Gleditsch-Ward system:
        ``a`` and ``b`` are GW states (a number is a GW code), the
        columns start ``gwcode1``, ``gwcode2``, ``year``, ``ccode1``,
        ``ccode2`` (the COW codes, null where none) and every measure is the
        COW measure of those codes; ``capdist`` is between GW capitals. Rules: docs/measures.md, "The Gleditsch-Ward system".

        Same as ``ordo dyad A B [--from --to] [--directed] [--spells X,Y]
        [--whittle RULES] [--attach FILE --on KEYS] [--system gw]``.

        Examples
        --------
        >>> s.dyad("Italy", "Soviet Union").to_pandas()            # doctest: +SKIP
        >>> s.dyad("FRN", "GMY", years=(1900, 1950), directed=True)  # doctest: +SKIP
        >>> s.dyad("USA", "RUS", spells="cowmid_ongoing")           # doctest: +SKIP
        >>> s.dyad("USA", 260, years=(1989, 1991), system="gw")     # doctest: +SKIP
        """
        return Table(
            self._s.dyad(
                a,
                b,
                years=years,
                directed=directed,
                spells=_spell_list(spells),
                whittle=whittle,
                attach=_path(attach),
                on=_key_list(on),
                system=system,
            )
        )

    def dyads(
        self,
        *,
        years: Years = None,
        directed: bool = False,
        politically_relevant: bool = False,
        spells: Spells = None,
        whittle: Optional[str] = None,
        attach: Optional[PathLike] = None,
        on: Spells = None,
        system: str = "cow",
    ) -> Table:
        """Every dyad-year: each pair of states that were both members on a
        same day of the year, with the columns of :meth:`dyad`, ordered by
        ``ccode1, ccode2, year`` (peacesciencer's ``create_dyadyears()`` with
        every ``add_*()``). ``directed`` gives both orderings of each pair;
        ``politically_relevant`` keeps directly contiguous dyads and those
        with a COW major power (Lemke & Reed 2001; after 2016 each dyad's
        2016 contiguity is carried forward, flagged ``prd_carried``).
        ``spells``, ``whittle``, ``attach``, ``on`` and ``system`` as in
        :meth:`dyad` (with ``system="gw"`` ordered by ``gwcode1, gwcode2,
        year``). Default years: 1816-2022.

        The first call builds the frame and caches it as Parquet in the
        store; the whole directed frame is about two million rows, handed
        over as Arrow without a copy.

        Same as ``ordo dyads [--year | --from --to] [--directed] [--only-politically-relevant] [--system gw]``.

        Examples
        --------
        >>> s.dyads(years=1990, directed=True).to_polars()          # doctest: +SKIP
        >>> s.dyads(years=(1946, 2014), politically_relevant=True)  # doctest: +SKIP
        >>> s.dyads(years=2017, system="gw")                         # doctest: +SKIP
        """
        return Table(
            self._s.dyads(
                years=years,
                directed=directed,
                politically_relevant=politically_relevant,
                spells=_spell_list(spells),
                whittle=whittle,
                attach=_path(attach),
                on=_key_list(on),
                system=system,
            )
        )

    def state(
        self,
        state: StateLike,
        *,
        years: Years = None,
        spells: Spells = None,
        attach: Optional[PathLike] = None,
        on: Spells = None,
        system: str = "cow",
    ) -> Table:
        """One state, one row per year: ``ccode``, ``year``, ``gwcode``, ``stateabb``,
        major-power status (``cowmaj``), CINC and its share of the system
        (``nmc_cinc``, ``nmc_share``), democracy (V-Dem, Polity2, UDS), the
        leader on 31 December (Archigos), total trade, full IGO memberships,
        then the NMC components (``nmc_milex``...), economy (``sdp_*``),
        territorial threat (``terr_*``), fractionalization (``creg_*``,
        ``hief_efindex``), Maoz powers, rivalries by type (``tss_n_*``) and
        conflict (``ucdp_*``, ``cowintra_*``, ``gml_mid_*``,
        ``cowwar_count``). ``spells`` as in :meth:`dyad` (e.g.
        ``"ucdp_ongoing"``); ``attach`` and ``on`` join your own file
        (keys such as ``"ccode,year"`` or ``"country,year"``).
        ``system="gw"``: ``state`` is a Gleditsch-Ward state (a number is a
        GW code), the columns start ``gwcode``, ``year``, ``ccode`` (null
        where no COW state corresponds) and the rest are the COW columns of
        ``ccode``.

        Same as ``ordo state STATE [--from --to] [--spells X,Y] [--system gw]``.

        Examples
        --------
        >>> s.state("Italy", years=(1922, 1945)).to_pandas()        # doctest: +SKIP
        """
        return Table(
            self._s.state(
                state,
                years=years,
                spells=_spell_list(spells),
                attach=_path(attach),
                on=_key_list(on),
                system=system,
            )
        )

    def state_years(
        self,
        *,
        years: Years = None,
        spells: Spells = None,
        attach: Optional[PathLike] = None,
        on: Spells = None,
        system: str = "cow",
    ) -> Table:
        """Every state-year of a span, the columns of :meth:`state`, ordered
        by ``year, ccode`` (``year, gwcode`` with ``system="gw"``).

        Same as ``ordo states-year [--year | --from --to] [--system gw]``.

        Examples
        --------
        >>> s.state_years(years=1938).to_pandas()                   # doctest: +SKIP
        """
        return Table(
            self._s.state_years(
                years=years,
                spells=_spell_list(spells),
                attach=_path(attach),
                on=_key_list(on),
                system=system,
            )
        )

    def leaders(
        self, state: Optional[StateLike] = None, *, years: Years = None, days: bool = False
    ) -> Table:
        """Leader-years from Archigos 4.1: one row per spell in office
        (``obsid``) and calendar year with a day in office (both leaders have
        the year of a handover), with ``ccode`` (the COW state on the
        leader's last day of the year), ``gwcode``, ``leader``, ``gender``,
        ``leaderage``, ``yrinoffice``, entry and exit, ``cowmember``, the
        LEAD attributes (``leveledu`` ... ``mentalhealth``), Leader
        Willingness to Use Force (``theta1_mean`` ... ``theta4_sd``) and the
        GML disputes (``gmlmid_ongoing``, ``gmlmid_onset``, ``_init``).
        ``state`` keeps the leaders of one state. With ``days``, one row per
        leader and day (a state or ``years`` is needed). Rules:
        docs/measures.md, "Leaders".

        Same as ``ordo leaders [STATE] [--from --to] [--days]``.

        Examples
        --------
        >>> s.leaders("Italy", years=(1993, 1996)).to_pandas()       # doctest: +SKIP
        >>> s.leaders("ITA", years=1994, days=True).num_rows          # doctest: +SKIP
        366
        """
        return Table(self._s.leaders(state, years=years, days=days))

    def leader_dyads(
        self,
        a: Optional[StateLike] = None,
        b: Optional[StateLike] = None,
        *,
        years: Years = None,
        directed: bool = False,
    ) -> Table:
        """Leader-dyad-years 1870-2015: every pair of leaders of two COW
        states in office on a same day of the year (those of state ``a``, or
        of the dyad ``a``, ``b``), with ``obsid1/2``, ``leader1/2``,
        ``gender1/2``, ``leaderage1/2``, ``yrinoffice1/2`` and the GML dispute
        flags attributed to the two leaders; ``directed`` gives both orders
        (``a`` first) and the initiation flags. Ordered by ``ccode1, ccode2,
        year, obsid1, obsid2``.

        Same as ``ordo leader-dyads [A [B]] [--directed]``.

        Examples
        --------
        >>> s.leader_dyads("USA", "IRQ", years=(1989, 1992)).to_pandas()  # doctest: +SKIP
        """
        return Table(self._s.leader_dyads(a, b, years=years, directed=directed))

    def coverage(self, a: StateLike, b: StateLike, *, years: Years = None) -> Table:
        """For each measure of the dyad: its ``source``, the years ``covered``,
        and the years missing because the two were not both members
        (``not_member``), because the source does not cover them
        (``outside_coverage``) or because it has no value for the dyad
        (``no_data``), as year ranges (``"1816-2022"``).

        Same as ``ordo coverage A B``.

        Examples
        --------
        >>> s.coverage("ITA", "RUS").to_pandas()                    # doctest: +SKIP
        """
        return Table(self._s.coverage(a, b, years=years))

    def resolve(
        self, *names: Union[StateLike, Sequence[StateLike]], on: Optional[DayLike] = None
    ) -> Table:
        """What ordo makes of names and codes: one row per input, with the COW
        state (``ccode``, ``stateabb``, ``statenme``), what matched
        (``matched_by``), its membership and major-power spells and its codes
        (``gw``, ``iso3``, ``cameo``, ``fips``). Codes that denoted different
        states at different times need ``on`` (``"YYYY-MM-DD"`` or a
        ``datetime.date``). An unknown name raises :class:`ordo.OrdoError`
        with the nearest names ordo knows.

        Same as ``ordo states resolve NAME... [--on DAY]``.

        Examples
        --------
        >>> s.resolve("Italia", "Unione Sovietica", "Россия", 365)    # doctest: +SKIP
        >>> s.resolve(["DEU"], on="1980-01-01")                     # doctest: +SKIP
        """
        flat = []
        for n in names:
            flat.extend(n if isinstance(n, (list, tuple)) else [n])
        return Table(self._s.resolve(flat, on=on))

    def state_days(
        self, state: StateLike, *, start: Optional[DayLike] = None, end: Optional[DayLike] = None
    ) -> Table:
        """One row per day the state was a member of the state system
        (COW, day precision): ``ccode``, ``stateabb``, ``date``, ``year``;
        spells open at the end of COW v2016 run through 2022-12-31.

        Same as ``ordo states-days STATE [--from DAY --to DAY]``.

        Examples
        --------
        >>> s.state_days("GMY", start="1990-09-01", end="1990-12-31")  # doctest: +SKIP
        """
        return Table(self._s.state_days(state, start=start, end=end))

    def members(
        self,
        *,
        year: Optional[int] = None,
        on: Optional[DayLike] = None,
        majors: str = "cow",
        system: str = "cow",
    ) -> Table:
        """The members of the state system on a day (31 December of ``year``,
        or ``on``): ``ccode``, ``stateabb``, ``statenme``, ``major`` (by the
        COW Major Powers release ``majors``: ``"cow"`` for v2016,
        ``"cow2024"``) and their codes on that day. With ``system="gw"``, the
        Gleditsch-Ward members: ``gwcode``, ``stateabb``, ``statename``, the
        COW code the crosswalk gives each that day (``ccode``, null when that
        COW state is not a member that day), its ``major`` status and codes.

        Same as ``ordo states list --year Y`` / ``--on DAY`` [``--system gw``].

        Examples
        --------
        >>> s.members(year=1938).to_pandas()                        # doctest: +SKIP
        >>> s.members(on="1914-07-28", majors="cow2024")            # doctest: +SKIP
        >>> s.members(year=1990, system="gw")                       # doctest: +SKIP
        """
        return Table(self._s.members(year=year, on=on, majors=majors, system=system))

    def show(self, names: Union[StateLike, Sequence[StateLike]]) -> Table:
        """Everything ordo knows about states, one fact per row (``ccode``,
        ``section``, ``key``, ``value``, ``from``, ``to``, ``note``):
        membership spells, major-power spells (v2016 and v2024),
        Gleditsch-Ward spells, every dated code and every name.

        Same as ``ordo states show NAME...``.

        Examples
        --------
        >>> s.show("RUS").to_pandas()                               # doctest: +SKIP
        >>> s.show(["Italy", "Soviet Union"])                       # doctest: +SKIP
        """
        return Table(self._s.show(names))

    def middle_powers(self, year: int, *, rule: str = "next:20", majors: str = "cow2024") -> Table:
        """The middle powers of ``year``: ``rank``, ``ccode``, ``statenme``,
        ``nmc_cinc`` and ``share_of_members``. ``rule`` is ``"next:K"`` (the
        K largest non-majors by CINC) or ``"band:lo:hi"`` (non-majors whose
        CINC share of the members' total lies in [lo, hi)); ``majors`` is
        ``"cow"``, ``"cow2024"``, ``"top:K"``, ``"share:θ"`` or a CSV file
        ``ccode,from,to``.

        Same as ``ordo states middle --year Y [--rule] [--majors]``.

        Examples
        --------
        >>> s.middle_powers(1960).to_pandas()                        # doctest: +SKIP
        >>> s.middle_powers(2010, rule="band:0.005:0.05", majors="top:5")  # doctest: +SKIP
        """
        return Table(self._s.middle_powers(year, rule=rule, majors=majors))

    # -- the international order ----------------------------------------------

    def system(self, *, years: Years = None, majors: str = "cow2024") -> Table:
        """The international system, one row per year: the major powers under
        the ``majors`` rule and their shares of the majors' capabilities,
        Ray-Singer concentration (``con``), ``hhi``, the effective number of
        poles, ΔCON and MOVE over 1 and 5 years, leader and challenger,
        parity and overtaking, and disputes, wars, rivalries and alliances
        among the majors (``mm_*``). Formulas: docs/measures.md.

        Same as ``ordo system [--from --to] [--majors]``.

        Examples
        --------
        >>> s.system(years=(1900, 1950)).to_pandas()                 # doctest: +SKIP
        """
        return Table(self._s.system(years=years, majors=majors))

    def instability(
        self,
        *,
        years: Years = None,
        recipe: Optional[PathLike] = None,
        periods: Optional[PathLike] = None,
        majors: str = "cow2024",
        compare_periods: bool = False,
        seed: int = 20260101,
        reps: int = 10000,
        block: int = 3,
    ) -> Table:
        """The instability index of the international order, one row per year:
        ``year``, ``phase`` (of the periodization), ``index`` and its
        ``distributive`` and ``normative`` dimensions, and every component of
        the recipe raw and standardised (``z_*``). ``recipe`` replaces ordo's
        recipe (TOML), ``periods`` the article's periodization.

        With ``compare_periods``: one row per order with the mean index in its
        stable and crisis phases, the difference, its moving-block bootstrap
        95% interval (``seed``, ``reps``, ``block``) and the ``verdict``.

        Same as ``ordo instability [--compare-periods] [--recipe] [--periods]``.

        Examples
        --------
        >>> s.instability().to_pandas().set_index("year")["index"]   # doctest: +SKIP
        >>> s.instability(compare_periods=True)                      # doctest: +SKIP
        """
        return Table(
            self._s.instability(
                years=years,
                recipe=recipe,
                periods=periods,
                majors=majors,
                compare_periods=compare_periods,
                seed=seed,
                reps=reps,
                block=block,
            )
        )

    def periods(self, file: Optional[PathLike] = None) -> Table:
        """The periodization: one row per order (``kind`` ``"order"``), per phase
        (``"stable"``, ``"crisis"``, ``"change"``) and per turning point
        (``"turning point"``, with its ``label``), with ``from`` and ``to``
        years. Default: the article's Table 1; ``file`` is a periodization of
        your own (TOML).

        Same as ``ordo periods [--periods FILE]``.

        Examples
        --------
        >>> p = s.periods().to_pandas()                              # doctest: +SKIP
        >>> p[p.kind.isin(["stable", "crisis"])]                      # doctest: +SKIP
        """
        return Table(self._s.periods(file=file))

    # -- the hypothesis --------------------------------------------------------

    def cooperation(
        self,
        a: StateLike,
        b: StateLike,
        *,
        years: Years = None,
        recipe: Optional[PathLike] = None,
    ) -> Table:
        """The dyad's cooperation index, one row per year: ``index`` (the
        recipe's components, each standardised over the dyad's own years and
        signed so that higher = more cooperative, averaged with the recipe's
        weights), the number of ``components`` and their share of the weight
        (``weight_available``), and every component raw and standardised
        (``z_*``). A year with less than half of the weight has no index.
        Default recipe: alliance similarity, UN agreement and ideal-point
        distance, trade dependence, MID hostility, war, and event net
        cooperation where events are ingested.

        Same as ``ordo cooperation A B [--recipe FILE]``.

        Examples
        --------
        >>> c = s.cooperation("ITA", "RUS").to_pandas()              # doctest: +SKIP
        >>> c.plot(x="year", y="index")                              # doctest: +SKIP
        """
        return Table(self._s.cooperation(a, b, years=years, recipe=recipe))

    def test(
        self,
        a: StateLike,
        b: StateLike,
        *,
        periods: Optional[PathLike] = None,
        recipe: Optional[PathLike] = None,
        instability_recipe: Optional[PathLike] = None,
        regression: bool = False,
        lags: Optional[int] = None,
        seed: int = 20260101,
        reps: int = 10000,
        block: int = 3,
    ) -> Table:
        """The article's hypothesis for one dyad: is cooperation lower in the
        crisis phase of each international order than in its stable phase?

        One row per order with both phases, and a ``pooled`` row (``scope``):
        years compared, the means and their ``diff`` (crisis − stable;
        negative supports the hypothesis), Welch's t, its df and p, a
        permutation p, a moving-block bootstrap 95% interval (``boot_lo``,
        ``boot_hi``), Hedges' g and the ``verdict`` (``supports`` /
        ``contradicts`` when the interval excludes 0, else ``silent``). Years
        are autocorrelated and few: read the bootstrap interval first.

        With ``regression``: the regression of cooperation on instability,
        its lag and controls with Newey–West errors (``lags``), one row per
        term.

        Same as ``ordo test A B [--regression]``.

        Examples
        --------
        >>> s.test("Italy", "Russia").to_pandas()                    # doctest: +SKIP
        >>> s.test("ITA", "RUS", regression=True)                    # doctest: +SKIP
        """
        return Table(
            self._s.test(
                a,
                b,
                periods=periods,
                recipe=recipe,
                instability_recipe=instability_recipe,
                regression=regression,
                lags=lags,
                seed=seed,
                reps=reps,
                block=block,
            )
        )

    def breaks(
        self,
        series: str = "cooperation",
        a: Optional[StateLike] = None,
        b: Optional[StateLike] = None,
        *,
        method: str = "pelt",
        penalty: Optional[float] = None,
        path: Optional[str] = None,
        min_size: int = 3,
        max_breaks: int = 5,
        periods: Optional[PathLike] = None,
        recipe: Optional[PathLike] = None,
        component: Optional[str] = None,
        seed: int = 20260101,
        reps: int = 10000,
    ) -> Table:
        """Change points of a yearly series: ``"cooperation"`` of the dyad
        ``a``-``b`` (or one of its components, ``component="un_agree"``) or
        ``"instability"`` of the order, by ``method`` ``"pelt"``,
        ``"binseg"`` or ``"bai-perron"``. One row per break: ``break_year``
        (the first year of the new regime), Bai–Perron's interval, the means
        before and after, and the nearest turning point of the periodization
        with its distance in years. ``path="LO:HI"`` lists every PELT
        segmentation between two penalties.

        Same as ``ordo breaks SERIES [A B] [--method ...]``.

        Examples
        --------
        >>> s.breaks("cooperation", "ITA", "RUS").to_pandas()        # doctest: +SKIP
        >>> s.breaks("instability", method="binseg", penalty=20)     # doctest: +SKIP
        """
        return Table(
            self._s.breaks(
                series,
                a,
                b,
                method=method,
                penalty=penalty,
                path=path,
                min_size=min_size,
                max_breaks=max_breaks,
                periods=periods,
                recipe=recipe,
                component=component,
                seed=seed,
                reps=reps,
            )
        )

    def panel(
        self,
        *,
        middle_powers: bool = True,
        counterparts: str = "majors",
        years: Years = (1946, 2014),
        middle_rule: str = "next:20",
        min_years: int = 15,
    ) -> Table:
        """The hypothesis over a panel of dyads: every middle power (by
        ``middle_rule``, default the 20 largest non-majors by CINC, year by
        year) against each major power of the same year (``counterparts``
        ``"majors"``), its strategic rivals (``"rivals"``), or the dyads of a
        CSV file (columns ``a``, ``b``). One row per dyad with at least
        ``min_years`` years: ``ccode1``, ``state1``, ``ccode2``, ``state2``,
        ``years``, the ``slope`` of its cooperation index on the order's
        instability index with its Newey–West error and ``p``, and the
        ``verdict``; sorted by slope. The pooled slopes are in ``sources``.

        Same as ``ordo panel --middle-powers [--from --to]``.

        Examples
        --------
        >>> s.panel().to_polars()                                    # doctest: +SKIP
        >>> s.panel(counterparts="rivals", years=(1946, 1991))       # doctest: +SKIP
        """
        return Table(
            self._s.panel(
                middle_powers=middle_powers,
                counterparts=counterparts,
                years=years,
                middle_rule=middle_rule,
                min_years=min_years,
            )
        )

    # -- the chronology ----------------------------------------------------------

    def chronology(
        self,
        a: StateLike,
        b: StateLike,
        *,
        years: Years = None,
        stance: Union[None, str, Sequence[str]] = None,
        table1: bool = False,
        files: Union[None, PathLike, Sequence[PathLike]] = None,
        periods: Optional[PathLike] = None,
        derive: bool = False,
        events: bool = False,
        recipe: Optional[PathLike] = None,
    ) -> Table:
        """The dated events of the dyad's relations as the sources tell them:
        ``date`` and ``precision``, ``actor``, ``target``, ``stance``
        (cooperation, competition, neutral, turning_point), ``order`` and
        ``phase``, issue ``area``, whether it is in the article's Table 1,
        a ``summary`` and the ``citations``. ordo ships the Italy–Russia
        chronology; ``files`` adds chronologies of your own (TOML,
        docs/chronology.md). ``stance`` keeps only the stances given.

        With ``derive``, for any dyad: the chronology derived from the data
        (ATOP obligations, MID onsets, wars, TSS rivalries, leaders, breaks
        in trade and UN voting, and with ``events`` the extreme months of the
        ingested event data), each entry with its ``rule``, ``dataset``,
        ``version`` and ``key``; ``recipe`` replaces ordo's derivation rules.

        Same as ``ordo chronology A B [--stance] [--table1] [--file]
        [--derive [--events] [--recipe FILE]]``.

        Examples
        --------
        >>> s.chronology("ITA", "RUS", stance="turning_point")       # doctest: +SKIP
        >>> s.chronology("FRN", "GMY", derive=True).to_pandas()      # doctest: +SKIP
        """
        return Table(
            self._s.chronology(
                a,
                b,
                years=years,
                stance=stance,
                table1=table1,
                files=files,
                periods=periods,
                derive=derive,
                events=events,
                recipe=recipe,
            )
        )

    def table1(
        self,
        a: StateLike,
        b: StateLike,
        *,
        evidence: bool = False,
        files: Union[None, PathLike, Sequence[PathLike]] = None,
        periods: Optional[PathLike] = None,
        derive: bool = False,
        events: bool = False,
        recipe: Optional[PathLike] = None,
    ) -> Table:
        """Table 1 of the article, regenerated from the chronology: for each
        order, the cooperation entries of its stable phase, its turning points
        and the competition entries of its crisis phase (``in_article`` marks
        the article's own items). With ``evidence``: per order and phase, the
        quantitative evidence from independent data (alliances, disputes,
        wars, trade dependence, UN agreement, events).

        A dyad without a curated chronology gets its Table 1 from the
        chronology derived from the data; ``derive`` merges the derived
        entries into a curated one (curated first, ``origin`` = derived).

        Same as ``ordo table1 A B [--evidence] [--derive]``.

        Examples
        --------
        >>> s.table1("ITA", "RUS").to_pandas()                       # doctest: +SKIP
        >>> s.table1("ITA", "RUS", evidence=True)                    # doctest: +SKIP
        >>> s.table1("FRN", "GMY").to_pandas()                       # derived # doctest: +SKIP
        """
        return Table(
            self._s.table1(
                a,
                b,
                evidence=evidence,
                files=files,
                periods=periods,
                derive=derive,
                events=events,
                recipe=recipe,
            )
        )

    # -- event data ------------------------------------------------------------

    def events(
        self,
        a: Optional[StateLike] = None,
        b: Optional[StateLike] = None,
        *,
        by: str = "month",
        all_dyads: bool = False,
        directed: bool = False,
        root_only: bool = False,
        weight: str = "none",
        profile: str = "gdelt",
        sensitivity: bool = False,
        keys: str = "cow",
        raw: Union[None, PathLike, Sequence[PathLike]] = None,
        source: str = "gdelt",
        map: Union[None, str, Sequence[str]] = None,
        quick: bool = False,
        codes: Optional[str] = None,
        years: Years = None,
        dedupe: str = "none",
        sources: Union[None, str, Sequence[str]] = None,
        actors: str = "all",
        min_confidence: Optional[int] = None,
        min_sources: Optional[int] = None,
    ) -> Table:
        """Event series of a dyad (or, with ``all_dyads``, of every dyad) per
        ``by`` period (``"month"``, ``"quarter"``, ``"year"``), from the
        events ingested into the store (:meth:`ingest`) or from ``raw`` files
        read in place: ``actor1``, ``actor2``, ``period`` (``"2011-08"``),
        ``year``, ``profile``, ``events`` and the four CAMEO quad classes,
        Goldstein sums and mean, ``net_coop``, ``conflict_share``, and the
        volume totals the counts can be normalised by. ``profile`` picks the
        scoring (``gdelt``, ``icews``, ``phoenix``, ``plover``, ``source``);
        ``sensitivity`` recomputes under every profile. ``dedupe``
        ``"one-a-day"`` keeps one row per day, directed actor pair and event
        code (the rows removed are counted in ``.sources``). ``sources``
        (e.g. ``["gdelt", "polecat"]``) gives one dyad's series per source
        side by side and one harmonised series over them. ``actors``
        ``"state"`` keeps only events between state actors on both sides
        (rules per source in docs/events.md; ``sensitivity`` shows both).
        ``min_confidence`` (0-100) and ``min_sources`` keep only GDELT events
        whose GDELT 2.0 Mentions, ingested with ``ingest(..., source=
        "mentions")``, reach that highest ``Confidence`` and (both given)
        that many distinct source names; an event with no ingested mention does not
        pass, rows of other sources pass untested, and ``.sources`` counts
        the rows removed by reason.

        Same as ``ordo events A B [--by] [--dedupe] [--min-confidence] ...``.

        Examples
        --------
        >>> s.events("GEO", "RUS", by="month").to_pandas()           # doctest: +SKIP
        >>> s.events(all_dyads=True, by="quarter")                   # doctest: +SKIP
        """
        return Table(
            self._s.events(
                a,
                b,
                by=by,
                all_dyads=all_dyads,
                directed=directed,
                root_only=root_only,
                weight=weight,
                profile=profile,
                sensitivity=sensitivity,
                keys=keys,
                raw=raw,
                source=source,
                map=map,
                quick=quick,
                codes=codes,
                years=years,
                dedupe=dedupe,
                sources=sources,
                actors=actors,
                min_confidence=min_confidence,
                min_sources=min_sources,
            )
        )

    def ingest(
        self,
        paths: Union[PathLike, Sequence[PathLike]],
        *,
        source: str = "gdelt",
        map: Union[None, str, Sequence[str]] = None,
        codes: Optional[str] = None,
        replace: bool = False,
        supersedes: Union[None, str, Sequence[str]] = None,
    ) -> Table:
        """Reads event files (``source`` ``"gdelt"``, ``"icews"``,
        ``"polecat"``, ``"phoenix"`` or ``"csv"``, or ``"mentions"`` for GDELT
        2.0 Mentions files, which :meth:`events` reads with
        ``min_confidence``/``min_sources``; plain, .gz or .zip files,
        directories or glob patterns) into the store, once: one row per file
        with the rows ``read``, ``stored``, ``duplicates`` and
        ``quarantined``, and ``repaired`` (stored rows a documented erratum
        repair changed; per rule in ``.sources``). Re-ingesting a file
        changes nothing. For CSV files, ``map`` gives ``"FIELD=COLUMN"`` mappings and
        ``codes`` how the actor columns are coded (cameo, iso3, cow, gw,
        icews).

        With ``replace``, the stored files the new ones supersede (one of the
        same name; for ICEWS, the weekly, daily and monthly files of an
        annual file's year and its older annual releases) are taken out in
        the same commit, so a re-release's rows replace the old ones;
        ``supersedes`` names the stored files to replace instead (implies
        ``replace``). The table then adds ``replaces`` and ``rows_removed``.

        Same as ``ordo ingest SOURCE PATH... [--replace] [--supersedes FILE]``.

        Examples
        --------
        >>> s.ingest("gdelt_v1_georgia_2011_2013/aug2011.csv.gz")      # doctest: +SKIP
        >>> s.ingest("my.csv", source="csv", map=["id=eid", "date=day"], codes="iso3")  # doctest: +SKIP
        >>> s.ingest("events.2018.20190101.tab", source="icews", replace=True)  # doctest: +SKIP
        """
        return Table(
            self._s.ingest(
                paths,
                source=source,
                map=map,
                codes=codes,
                replace=replace,
                supersedes=supersedes,
            )
        )

    def store_files(self, *, active: bool = False) -> Table:
        """The event files ingested into the store, one row per file and
        ingest run: ``file``, ``family``, ``segment``, ``committed``,
        ``sha256``, ``bytes``, ``read``, ``stored``, ``duplicates``,
        ``quarantined``, ``repaired``, ``status`` (``active``, ``retired``
        or ``replaced by FILE``) and ``revised`` (when it was retired or
        replaced). ``active`` leaves out the retired and replaced files.

        Same as ``ordo store files [--active]``.
        """
        return Table(self._s.store_files(active=active))

    def store_retire(self, files: Union[str, Sequence[str]]) -> Table:
        """Takes event files out of the store, in one atomic commit: every
        stored row that came from each file (its path as
        :meth:`store_files` lists it, or its file name when a single
        ingested file has it); one row per file with ``rows_removed``. An
        unknown, ambiguous or already retired file raises ``OrdoError``.

        Same as ``ordo store retire FILE...``.

        Examples
        --------
        >>> s.store_retire("aug2011.csv.gz")  # doctest: +SKIP
        """
        return Table(self._s.store_retire(files))

    # -- SQL and the data ----------------------------------------------------------

    def sql(self, query: str, *, attach: Optional[dict] = None) -> Table:
        """Runs a SQL query (Apache DataFusion's dialect) over every dataset
        ordo reads (``cow_nmc``, ``atop_alliance``, ``un_votes``...), every
        derived frame (``dyad_years``, ``dyad_years_directed``,
        ``state_years``) and the ingested events; :meth:`tables` lists them.
        ``attach`` maps table names to your own CSV or Parquet files, served
        for this query only (``{"crises": "crises.csv"}``).

        Same as ``ordo sql "QUERY" [--attach NAME=FILE]``.

        Examples
        --------
        >>> s.sql("SELECT year, count(*) AS n FROM dyad_years GROUP BY year ORDER BY year")  # doctest: +SKIP
        """
        files = None if attach is None else [(k, os.fspath(v)) for k, v in attach.items()]
        return Table(self._s.sql(query, attach=files))

    def tables(self) -> Table:
        """The tables :meth:`sql` can read: ``table`` and ``description``.

        Same as ``ordo sql --tables``.
        """
        return Table(self._s.tables())

    def data_status(self) -> Table:
        """Every dataset file ordo knows, found or missing: ``dataset``,
        ``file``, ``status``, ``version``, declared and observed coverage,
        ``rows``, ``sha256``, ``path``, and for a missing one what to do.

        Same as ``ordo data status``.
        """
        return Table(self._s.data_status())

    def cite(
        self,
        datasets: Union[str, Sequence[str], None] = None,
        *,
        for_: Union[str, Sequence[str], None] = None,
        format: str = "bibtex",
    ) -> str:
        """What to cite, as text: the references of ``datasets`` (ids as
        :meth:`data_status` lists them, e.g. ``"cow_nmc"``) and of the
        datasets the commands ``for_`` read (``"report"``, ``"dyads"``,
        ``"states-year"``, ...; ``"report"`` is the report's bibliography),
        or of every dataset ordo knows when neither is given; always with
        ordo itself and the article behind it (Natalizia and Morini 2020).

        ``format="bibtex"`` (default): BibTeX entries sorted by key, each
        once, from peacesciencer's ``ps_bib`` where it has the work and from
        ordo's own bibliography otherwise. ``format="text"``: a reference
        list (author-year), one reference per line, then the version of each
        dataset ordo reads beside the one peacesciencer lists.

        Same as ``ordo cite [DATASET...] [--for COMMAND...] [--format bibtex|text]``.

        Examples
        --------
        >>> print(s.cite("cow_nmc"))                                 # doctest: +SKIP
        >>> pathlib.Path("refs.bib").write_text(s.cite(for_="report"))  # doctest: +SKIP
        """
        return self._s.cite(datasets, for_=for_, format=format)

    # -- the report ----------------------------------------------------------

    def report(
        self,
        a: StateLike,
        b: StateLike,
        *,
        path: Optional[PathLike] = None,
        format: str = "html",
        from_: Optional[int] = None,
        to: Optional[int] = None,
        periods: Optional[PathLike] = None,
        recipe: Optional[PathLike] = None,
        instability_recipe: Optional[PathLike] = None,
        chronology: Optional[PathLike] = None,
    ) -> pathlib.Path:
        """Writes the report on a dyad into the directory ``path`` (default
        ``reports``) and returns the file written: ``ordo-report-A-B.html``
        (one self-contained file) or, with ``format="md"``,
        ``ordo-report-A-B.md`` with its charts beside it. The verdict of the
        hypothesis test, charts of the cooperation and instability indices
        with the phases shaded, the article's Table 1 regenerated, the
        statistical tables, the provenance and the bibliography. ``from_``
        and ``to`` bound the years charted. The same data give the same
        bytes as the command.

        Same as ``ordo report A B --out DIR``.

        Examples
        --------
        >>> s.report("ITA", "RUS", path="reports")                   # doctest: +SKIP
        PosixPath('reports/ordo-report-ITA-RUS.html')
        """
        written = self._s.report(
            a,
            b,
            path=path,
            format=format,
            from_=from_,
            to=to,
            periods=periods,
            recipe=recipe,
            instability_recipe=instability_recipe,
            chronology=chronology,
        )
        return pathlib.Path(written)
