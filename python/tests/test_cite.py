"""Session.cite: the BibTeX and the reference list `ordo cite` prints."""

from __future__ import annotations

import pytest

import ordo


def test_cite_nmc_is_the_cli_s_bibtex(session, cli):
    bib = session.cite("cow_nmc")
    assert isinstance(bib, str)
    assert "@incollection{singeretal1972cdu,\n  author = {Singer, J. David and Bremer, Stuart A. and Stuckey, John}," in bib
    assert "@manual{ordo," in bib and "@article{natalizia2020swe," in bib
    assert bib == cli.run("cite", "cow_nmc").stdout
    # A list of ids, in any order or case, gives the same entries once each.
    both = session.cite(["atop_alliance", "COW_NMC", "cow_nmc"])
    assert both.count("@incollection{singeretal1972cdu,") == 1
    assert "@article{leedsetal2002atop," in both


def test_cite_for_report_is_the_cli_s_reference_list(session, cli):
    text = session.cite(for_="report", format="text")
    assert text == cli.run("cite", "--for", "report", "--format", "text").stdout
    references = text.split("\n\n")[0].splitlines()
    assert (
        'Natalizia, Gabriele, and Mara Morini. 2020. "Sleeping with the enemy: The not-so-constant '
        'Italian stance towards Russia." Italian Political Science 15(1): 42–59.'
    ) in references
    assert references == sorted(references, key=lambda r: (r.lower(), r))
    assert "  cow_nmc: v7.0 (peacesciencer lists Correlates of War National Material Capabilities 6)" in text


def test_cite_errors_name_what_is_valid(session):
    with pytest.raises(ordo.OrdoError, match="unknown dataset `cow_nmcc`.*cow_nmc, "):
        session.cite("cow_nmcc")
    with pytest.raises(ordo.OrdoError, match="unknown command `reprot`"):
        session.cite(for_="reprot")
    with pytest.raises(ValueError, match="bibtex or text"):
        session.cite("cow_nmc", format="ris")
