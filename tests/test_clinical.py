"""What a careful clinician checks in the answers: emergencies in the right tier, figures true to their sources."""

from __future__ import annotations

import pytest

from botox_info import knowledge

from .helpers import BUILTIN, Run, json_document

WEEK = 24 * 7


# ---- a severe allergic reaction is an emergency ---------------------------------------


def test_urgent_lists_the_signs_of_a_severe_allergic_reaction_among_those_needing_help_at_once(run: Run) -> None:
    stdout = run("urgent").stdout
    section = stdout[stdout.index("Signs of a severe allergic reaction") : stdout.index("What to do")]
    for sign in ("hives", "wheezing", "swelling of the face, lips, tongue or throat", "dizzy or faint"):
        assert sign in section
    assert "no further injection should be given after a serious allergic reaction" in stdout


def test_the_severe_allergic_reaction_is_in_the_get_help_now_tier_and_the_mild_one_is_not(run: Run) -> None:
    document = json_document(run("list", "--urgency", "get-help-now", "--format", "json"))
    ids = [entry["id"] for entry in document["side_effects"]]
    assert "severe-allergic-reaction" in ids
    assert "allergic-reaction" not in ids
    assert BUILTIN.find("allergic-reaction").urgency == "see your doctor"


def test_show_of_the_mild_reaction_sends_the_serious_signs_to_emergency_help(run: Run) -> None:
    stdout = run("show", "itchy").stdout
    assert "this may be a severe allergic reaction, so get medical help at once" in stdout
    assert "botox-info show severe-allergic-reaction" in stdout


# ---- advice for the person who acts on it ----------------------------------------------


def test_pain_relief_is_never_shown_without_asking_the_clinic_and_keeping_to_the_dose(run: Run) -> None:
    hits = json_document(run("search", "acetaminophen", "--format", "json"))["hits"]
    passages = [p["text"] for hit in hits for p in hit["passages"] if "acetaminophen" in p["text"]]
    assert passages
    for text in passages:
        assert "Ask the clinic first" in text
        assert "keep to the dose on the pack" in text


def test_dosing_is_the_injector_s_and_absolute_reassurance_is_attributed(run: Run) -> None:
    stdout = run("show", "weak-bite").stdout
    assert "Start with a small dose" not in stdout
    assert "Ask your injector about the dose: the clinic article advises starting with a small dose" in stdout
    assert "The clinic article says the weakness passes within weeks" in stdout


def test_pregnancy_is_a_stop_sign(run: Run) -> None:
    stdout = run("check", "--pregnant").stdout
    assert "Do not be treated: You are pregnant or breastfeeding" in stdout


def test_a_recent_toxin_injection_is_something_to_tell_not_a_reason_to_skip_treatment(run: Run) -> None:
    stdout = run("check", "--recent-toxin").stdout
    assert "tell the doctor before this treatment" in stdout
    assert "not a reason to skip a treatment prescribed for a medical condition" in stdout
    assert "Do not fit in another botulinum toxin injection" not in run("before").stdout


def test_the_allergy_question_names_the_other_toxin_brands_and_dysport_s_milk_allergy(run: Run) -> None:
    before = run("before").stdout
    assert "Botox, Dysport, Xeomin, Jeuveau, Daxxify or Letybo" in before
    assert "cow's milk protein" in before
    stdout = run("check", "--has", "cows-milk-protein-allergy").stdout
    assert "Dysport (abobotulinumtoxinA), must not be used in people with this allergy" in stdout


# ---- figures and buckets -----------------------------------------------------------------


def test_check_for_the_jaw_never_presents_the_top_of_a_range_as_the_reader_s_risk(run: Run) -> None:
    stdout = run("check", "--area", "jaw").stdout
    assert "18.8" not in stdout
    assert "Paradoxical bulging of the jaw muscle (uncommon here): 0.49%" in stdout
    by_area = json_document(run("check", "--area", "jaw", "--format", "json"))["by_area"]
    figures = [row["figure"] for row in by_area["jaw"] if row["figure"]]
    assert all(figure["kind"] == "incidence" for figure in figures)


def test_show_gives_the_range_as_a_range(run: Run) -> None:
    stdout = run("show", "bulging").stdout
    assert "0.5% to 18.8% across studies: a spread between studies, not anyone's risk" in stdout
    assert "Overall: uncommon." in stdout


def test_a_bucket_from_one_area_s_figure_applies_to_that_area_only(run: Run) -> None:
    assert "| not well measured overall; jaw: uncommon |" in run("list", "--format", "markdown").stdout
    forehead = json_document(run("list", "--area", "forehead", "--frequency", "not-well-measured", "--format", "json"))[
        "side_effects"
    ]
    assert "sagging" in [entry["id"] for entry in forehead]
    jaw = json_document(run("list", "--area", "jaw", "--frequency", "uncommon", "--format", "json"))["side_effects"]
    assert "sagging" in [entry["id"] for entry in jaw]


def test_the_neck_has_its_own_side_effects_in_check(run: Run) -> None:
    stdout = run("check", "--area", "neck").stdout
    assert "Neck muscle weakness" in stdout
    assert "Nothing particular to this area" not in stdout


def test_eyelid_swelling_carries_both_brin_figures_with_their_placebo_rates() -> None:
    figures = {(f.area, f.percent, f.placebo_percent) for f in BUILTIN.find("eyelid-swelling").frequency.figures}
    assert {("all", 0.3, 0), ("crows-feet", 0.4, 0)} <= figures


def test_no_statement_rests_on_a_consumer_q_and_a_page() -> None:
    assert "sharecare" not in BUILTIN.sources


def test_mayo_is_not_cited_for_what_it_does_not_say() -> None:
    for entry in BUILTIN.side_effects:
        for statement in (*entry.mitigation, *entry.causes):
            if "laughing gas" in statement.text or "squeeze ball" in statement.text:
                assert "mayo" not in statement.sources


# ---- the timeline ----------------------------------------------------------------------


def _bars(run: Run) -> dict[str, dict[str, float]]:
    rows = json_document(run("timeline", "--format", "json"))["side_effects"]
    return {row["id"]: row for row in rows}


def test_the_weak_bite_bar_ends_where_yeh_counts_from_the_injection(run: Run) -> None:
    assert _bars(run)["weak-bite"]["longest_end_hours"] == 12 * WEEK


def test_the_spread_bar_starts_within_hours_and_runs_no_longer_than_several_months(run: Run) -> None:
    bar = _bars(run)["toxin-spread"]
    assert bar["start_hours"] == 1
    assert bar["longest_end_hours"] <= 2 * WEEK + 3 * 30 * 24
    assert "swallowing problems may last for several months" in run("show", "toxin-spread").stdout


def test_no_bar_outlasts_the_toxin_s_months_unless_a_source_says_so(run: Run) -> None:
    four_months = 4 * 30 * 24
    too_long = {entry_id: bar["longest_end_hours"] for entry_id, bar in _bars(run).items()}
    assert {entry_id: hours for entry_id, hours in too_long.items() if hours > four_months} == {}


@pytest.mark.parametrize("entry", BUILTIN.side_effects, ids=[entry.id for entry in BUILTIN.side_effects])
def test_an_onset_cites_a_source_that_gives_one(entry: knowledge.SideEffect) -> None:
    # NHS and AAD give how long the effect lasts, not when it starts: they cannot carry an onset.
    if entry.onset is not None:
        assert set(entry.onset.sources) - {"nhs", "aad"}, entry.id


@pytest.mark.parametrize("entry", BUILTIN.side_effects, ids=[entry.id for entry in BUILTIN.side_effects])
def test_a_summary_says_no_frequency_its_figures_do_not_give(entry: knowledge.SideEffect) -> None:
    from botox_info.knowledge.frequency import buckets_by_area

    buckets = {entry.frequency.bucket, *buckets_by_area(entry.frequency.figures, entry.areas).values()}
    words = {word.strip(".,;:()").casefold() for word in entry.summary.split()}
    said = {"rare" if word == "rarely" else word for word in words} & {"common", "uncommon", "rare", "rarely"}
    assert said <= buckets, f"{entry.id}: the summary says {said}, the figures give {buckets}"


def test_the_top_level_help_names_both_emergencies(run: Run) -> None:
    stdout = " ".join(run("--help", env={"COLUMNS": "200"}).stdout.split())
    assert "Trouble swallowing, speaking or breathing after treatment, or a severe allergic reaction" in stdout
    assert "not medical advice" in stdout
