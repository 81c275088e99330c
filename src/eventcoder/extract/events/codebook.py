"""ACLED codebook conventions a sentence classifier does not learn from a few examples.

Shelling is remote violence only when one side's heavy weapons are all that is reported:
an exchange that also involves small arms, fire from "unspecified weapons" on an enemy's
positions, or shelling between two sides ("in both directions of the frontline", "a
shelling exchange") is combat, an Armed clash. Strikes from the air are an Air/drone strike
whoever they hit, unless they only back a ground operation ("backed by airstrikes"); the
classifier reads terse "conducted airstrikes targeting militants" as shelling or a clash.
Remote violence that was intercepted, defused or went off on its makers is Disrupted
weapons use; forces seizing goods other than arms (a drug haul) is Looting/property
destruction. A place taken with no word of fighting changed hands without violence.

A demonstration is coded by what happened at it: demonstrators burning tyres, throwing
stones or vandalising make it a Violent demonstration, and without any word of violence or
damage it is not one ("protesters blocked the road"); forces killing, shooting or running
over demonstrators make it Excessive force against protesters; forces dispersing or
arresting peaceful demonstrators make it a Protest with intervention. The words must
report the act, not a grievance ("protested against the arrest of ..." stays peaceful).
And nothing is a demonstration unless some word says people gathered, marched, struck
or protested: the classifier takes "members of a cartel delivered food packages to
families" for a peaceful protest, its most common class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventcoder.records import Sentence

SHELLING = "Shelling/artillery/missile attack"
ARMED_CLASH = "Armed clash"
# Weapons of ground combat: their presence makes a shelling report a clash.
GROUND_COMBAT = re.compile(
    r"\b(?:small[- ]arms?|gunfire|gun ?fights?|firefights?"
    r"|exchanged fire|exchanges? of fire|traded fire)\b",
    re.IGNORECASE,
)
# Fire between two sides: an artillery duel is a battle, not a one-sided shelling.
TWO_SIDED_FIRE = re.compile(
    r"\b(?:in both directions|(?:shelling|artillery|mortar) (?:exchanges?|duels?)"
    r"|exchang\w* (?:of )?(?:\w+ )?(?:shell\w*|artillery|mortars?|rockets?)|mutual shelling)\b",
    re.IGNORECASE,
)
# Weapons of remote violence: when named alone, the report stays a shelling.
HEAVY_WEAPONS = re.compile(
    r"\b(?:artillery|mortars?|shell(?:s|ed|ing)?|rockets?|missiles?|howitzers?|tanks?"
    r"|grad|mlrs|cannons?|(?:anti-tank|atgm)|heavy machine ?guns?)\b",
    re.IGNORECASE,
)
UNSPECIFIED = re.compile(r"\bunspecified weapons\b", re.IGNORECASE)
AIR_STRIKE_TYPE = "Air/drone strike"
# Strikes from the air ("Air Force" alone names a branch, often its intelligence service).
AIR_STRIKE = re.compile(
    r"\b(?:air[- ]?strikes?|air[- ]?raids?|(?:drone|uav) (?:strikes?|attacks?)|warplanes?"
    r"|fighter jets?|(?:helicopter )?gunships?|aerial (?:bombardment|bombing|attacks?|strikes?)"
    r"|dropped (?:\w+ ){0,3}from (?:a |an )?(?:drone|helicopter|aircraft|plane))\b",
    re.IGNORECASE,
)
# Air power in support of a ground operation: the operation is what is coded.
AIR_SUPPORT = re.compile(
    r"\b(?:backed|supported|assisted|aided|covered) by (?:\w+ ){0,2}(?:air|drone|warplanes)"
    r"|\bair (?:support|cover)\b",
    re.IGNORECASE,
)
# Sub-types the classifier gives strikes from the air when it misses them.
AIR_STRIKE_MISREAD = frozenset({SHELLING, ARMED_CLASH, "Attack"})
DISRUPTED = "Disrupted weapons use"
_PROJECTILES = r"(?:missiles?|rockets?|drones?|projectiles?|shells?|uavs?)"
_DEVICES = r"(?:bombs?|ieds?|explosives?|devices?|mines?)"
# Remote violence that was stopped or failed: interceptions, drones shot down, devices
# defused or exploding on their makers, arms caches found (ACLED's Disrupted weapons use).
WEAPONS_DISRUPTED = re.compile(
    rf"\bintercept\w* (?:\w+ ){{0,3}}{_PROJECTILES}\b"
    rf"|\b{_PROJECTILES}\b[^.]{{0,60}}\b(?:was|were) intercepted"
    r"|\b(?:shot|brought|shoot|shooting) down (?:\w+ ){0,4}(?:drones?|uavs?)\b"
    r"|\bdowned (?:\w+ ){0,3}(?:drones?|uavs?)\b"
    r"|\bexploded prematurely|\bpremature(?:ly)? (?:explosion|detonation)"
    r"|\bdefus(?:ed|ing|al)\b|\bcontrolled (?:explosion|detonation)"
    rf"|\b(?:dismantl|neutrali[sz])\w* (?:an? |the )?(?:\w+ )?{_DEVICES}\b"
    r"|\b(?:did not|failed to) explode|\b(?:weapons?|arms|ammunition) (?:caches?|dumps?)\b"
    rf"|\bwhile (?:planting|handling|assembling|making) (?:an? |the )?(?:\w+ )?{_DEVICES}",
    re.IGNORECASE,
)
# Sub-types the classifier gives disrupted weapons use when it misses it.
DISRUPTED_MISREAD = frozenset(
    {SHELLING, AIR_STRIKE_TYPE, "Remote explosive/landmine/IED", "Grenade", ARMED_CLASH}
)
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
TERRITORY_BY_FORCE = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)
# Words of fighting: a place taken with none of them in the report changed hands peacefully.
FIGHTING = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|attack\w*|assault\w*|offensive|kill\w*|dead"
    r"|wounded|injur\w*|casualt\w*|shell\w*|fire|fired|firing|gunfire|storm\w*|overr[au]n"
    r"|ambush\w*|combat|bombard\w*|air ?strikes?|raid\w*|repel\w*|repuls\w*|exchang\w*"
    r"|resistance|siege|besieg\w*|captur\w*|seiz\w*)\b",
    re.IGNORECASE,
)
LOOTING = "Looting/property destruction"
# Goods that forces seize which are not weapons: a drug haul is property seized (Looting/
# property destruction), not disrupted weapons use.
SEIZED_GOODS = re.compile(
    r"\b(?:marijuana|cannabis|cocaine|heroin|drugs?|narcotics?|methamphetamine|cigarettes"
    r"|contraband|smuggled|timber|airstrip|(?:drug|processing) lab\w*|laborator\w*)\b",
    re.IGNORECASE,
)
WEAPONS = re.compile(
    r"\b(?:weapons?|arms|ammunition|explosives?|bombs?|grenades?|ieds?|rifles?|guns?"
    r"|firearms?|rockets?|missiles?|mines?|drones?)\b",
    re.IGNORECASE,
)


def apply_codebook(text: str, sub_event_type: str) -> str:
    """The sub-type of a sentence after the conventions above (unchanged if none applies).

    Example: "Forces fired mortars and small arms at the positions" -> Armed clash.
    """
    if sub_event_type in DISRUPTED_MISREAD and WEAPONS_DISRUPTED.search(text):
        return DISRUPTED
    if sub_event_type == DISRUPTED and SEIZED_GOODS.search(text) and not WEAPONS.search(text):
        return LOOTING
    if sub_event_type in TERRITORY_BY_FORCE and not FIGHTING.search(text):
        return NON_VIOLENT_TRANSFER
    if (
        sub_event_type in AIR_STRIKE_MISREAD
        and AIR_STRIKE.search(text)
        and not AIR_SUPPORT.search(text)
        and not GROUND_COMBAT.search(text)
    ):
        return AIR_STRIKE_TYPE
    if sub_event_type != SHELLING:
        return sub_event_type
    if UNSPECIFIED.search(text) and not HEAVY_WEAPONS.search(text):
        return ARMED_CLASH
    if GROUND_COMBAT.search(text) or TWO_SIDED_FIRE.search(text):
        return ARMED_CLASH
    return sub_event_type


PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
VIOLENT = "Violent demonstration"
ARRESTS = "Arrests"
EXCESSIVE_FORCE = "Excessive force against protesters"
# What a report of each sub-type makes of a demonstration, by rank: arrests at a protest
# are an intervention; protesters turning violent make it a riot whatever the police did.
PROTEST_ESCALATION: dict[str, tuple[int, str]] = {
    PEACEFUL: (0, PEACEFUL),
    INTERVENTION: (1, INTERVENTION),
    ARRESTS: (1, INTERVENTION),
    EXCESSIVE_FORCE: (2, EXCESSIVE_FORCE),
    VIOLENT: (3, VIOLENT),
}
# What demonstrators do that makes a demonstration violent.
VIOLENT_ACTS = re.compile(
    r"\b(?:burn(?:ing|t|ed) (?:of )?(?:tyres|tires|objects|barricades)"
    r"|(?:pelt|thr[eo]w|hurl)\w* (?:\w+ )?"
    r"(?:stones|rocks|bricks|molotov\w*|petrol bombs|projectiles|bottles)|stone[- ]pelting"
    r"|vandali[sz]\w*|ransack\w*|torch(?:ed|ing)|set(?:ting)? (?:fire|ablaze)|loot(?:ed|ing)"
    r"|riot(?:ed|ing)|broke into|storm(?:ed|ing)(?! out)|scuffles?|clash(?:ed|es)? with)\b",
    re.IGNORECASE,
)
DEMONSTRATORS = r"(?:protesters?|demonstrators?|marchers|participants|crowd)"
# Lethal or maiming force on the demonstrators themselves: "opened fire killing a
# protester", "demonstrators ... were shot and beaten", "ran over five protesters".
LETHAL_FORCE = re.compile(
    r"\b(?:opened fire(?: on| at|,? killing)|fired (?:live (?:\w+ )?)?(?:at|on)"
    r"|shot (?:dead |and \w+ )?|kill(?:ed|ing)|ran over|run over|beat(?:en)? to death)"
    rf"\s+(?:\w+\s+){{0,2}}{DEMONSTRATORS}"
    rf"|\b(?:{DEMONSTRATORS}|demonstrating)\b[^.]{{0,100}}?"
    r"\b(?:were|was) (?:shot|killed|run over)\b",
    re.IGNORECASE,
)
# What forces do to a demonstration that makes it a protest with intervention. Arrests
# count in a sentence about the demonstrators or of a number or pronoun arrested ("26
# arrested", "They were detained"), not alone ("He was arrested in 2019" may be the
# grievance's story).
INTERVENTION_ACTS = re.compile(
    r"\b(?:dispers(?:ed?|ing|al)|broke up|(?:baton|lathi)[- ]charg\w*|tear ?gas\w*|teargas\w*"
    r"|water cannons?|rubber bullets|intervened|used force"
    r"|(?:fired|shot|firing|shooting) (?:\w+ )?(?:in|into|to) the air)\b"
    rf"|\b(?:arrested|detained)\b(?=.*\b{DEMONSTRATORS}\b)"
    rf"|\b{DEMONSTRATORS}\b.*?\b(?:arrested|detained)\b"
    r"|\b(?:they|\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|dozens|many)\b"
    r"(?: \w+)?(?: were)? (?:arrested|detained)\b"
    r"|\b(?:arrested|detained) (?:them|all|\d+)\b"
    rf"|\b(?:prevented|stopped) (?:\w+ ){{0,3}}(?:{DEMONSTRATORS}|them)\b",
    re.IGNORECASE,
)
# Words just before a cue that make it a grievance or a demand, not an act at the protest.
GRIEVANCE = re.compile(
    r"(?:against|over|(?:release|arrest|recovery|return) of|accused of|protest(?:ing|ed)?"
    r"|demand\w*|denounc\w*|condemn\w*|of the)"
    # ... within its clause: "During the protest, forces opened fire" reports an act
    r"[^\w,;:.]+(?:\w+[^\w,;:.]+){0,3}$"
    # the act named as a thing, not done: "the recovery of looted funds", "a fake looting
    # case" (but "made use of teargas" is the act)
    r"|(?:(?<!use )\bof|\btheir|\bthe|\ba|\bfake)\s+$",
    re.IGNORECASE,
)
GRIEVANCE_WINDOW = 40
# Words without which no report is of a demonstration: gathering, its forms, its signs and
# its demands (a "strike" from the air and the month of March do not count).
DEMONSTRATION_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied|ying)|(?<!\d )march(?:ed|es|ing|ers)?(?! \d)"
    r"|sit-?ins?|(?<!air )(?<!drone )(?<!missile )strik(?:e|es|ers|ing)|picket\w*|gather\w*"
    r"|boycott\w*|petition\w*|vigils?|slogans?|placards?|chant\w*|walk-?outs?"
    r"|walked out|blockad\w*|block(?:ed|ing|s)?|hunger|riot\w*|assembl\w*|mobili[sz]\w*"
    r"|parades?|processions?|convoys?|caravans?|honk\w*|agitat\w*|dharnas?|gheraos?|bandhs?"
    r"|hartals?|commemorat\w*|crowds?|mobs?|occup\w*|storm\w*|torch\w*|pelt\w*|camp(?:ed|ing)"
    r"|motorcades?|demand\w*|took to the (?:streets|roads)"
    r"|(?:came|poured|went) (?:out )?(?:on|onto|into|to) the (?:streets|roads))\b",
    re.IGNORECASE,
)
# Words of violence or damage at a demonstration; a "violent" reading with none of them in
# the event's sentences is the classifier's, not the report's ("protesters blocked the
# road" is peaceful).
DEMONSTRATION_VIOLENCE = re.compile(
    r"\b(?:burn\w*|fire|ablaze|torch\w*|ston\w*|rocks?|bricks?|molotov\w*|petrol bombs?"
    r"|projectiles?|bottles?|throw\w*|threw|hurl\w*|pelt\w*|vandali\w*|ransack\w*|damag\w*"
    r"|destroy\w*|smash\w*|loot\w*|riot\w*|clash\w*|scuffl\w*|fight\w*|fought|attack\w*"
    r"|assault\w*|beat\w*|injur\w*|wound\w*|hurt|kill\w*|violen\w*|storm\w*|broke|break\w*"
    r"|forc\w*|tyres?|tires?|barricad\w*|tear ?gas|dispers\w*|sticks?|machetes?|knives"
    r"|weapons?|arson|set)\b",
    re.IGNORECASE,
)


def unreported_violence(sentences: Sequence[Sentence], sub_event_type: str) -> bool:
    """True for a Violent demonstration whose sentences report no violence or damage."""
    return sub_event_type == VIOLENT and not any(
        DEMONSTRATION_VIOLENCE.search(s.text) for s in sentences
    )


def demonstration_acts(
    sentences: Sequence[Sentence], sub_event_type: str
) -> tuple[str, Sentence, tuple[int, int]] | None:
    """The more severe sub-type that the acts reported in a demonstration's sentences
    call for, with the sentence and its span of the words (None if the type stands)."""
    if sub_event_type not in (PEACEFUL, INTERVENTION):
        return None  # a riot or excessive force stands; other types are not demonstrations
    rank = PROTEST_ESCALATION[sub_event_type][0]
    ladder = (
        (VIOLENT, VIOLENT_ACTS),
        (EXCESSIVE_FORCE, LETHAL_FORCE),
        (INTERVENTION, INTERVENTION_ACTS),
    )
    for name, acts in ladder:
        if PROTEST_ESCALATION[name][0] <= rank:
            continue
        for sentence in sentences:
            for match in acts.finditer(sentence.text):
                before = sentence.text[max(0, match.start() - GRIEVANCE_WINDOW) : match.start()]
                if not GRIEVANCE.search(before):
                    return name, sentence, match.span()
    return None
