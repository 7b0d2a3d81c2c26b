#!/usr/bin/env python3
"""Generate the role library: a built-in role for every O*NET occupation with
task or technology data and for every ESCO occupation,
core/data/role-library.tsv (read by atscore::library).

Usage: python3 scripts/gen-role-library.py [CORPUS_DIR]   (default ../shared/corpus)

Two steps. This script reads the taxonomies and writes, per occupation, its
titles and the texts its keywords come from (target/role-library-input.json);
then `cargo run --release -p atscore --example gen_role_library` runs those
texts through the posting reader (atscore::posting, the same one that reads a
job posting) and writes the library. Keywords are therefore the forms a
resume would contain ("patient care", "vital signs", "Epic"), never a task
sentence.

O*NET (30.x tasks and technology, 29.2 occupation data and alternate titles):
- must-have: keywords read from the occupation's Core task statements, and its
  technology examples flagged In Demand (frequent in this occupation's
  postings);
- bonus: keywords read from its Supplemental tasks, and its other technology
  examples that are a field's tools: listed for 3 to 150 occupations (fewer
  is a product hardly anyone names, "DoctorsPartner EMR"; more is office
  software every occupation lists), the most widely listed first. O*NET's
  Hot Technology flag is about postings at large (Apache Spark for
  registered nurses): not used. A role left without any keyword takes its
  technology examples whatever their spread. Tools Used (stethoscopes,
  10-key calculators) are equipment a resume seldom names: not used;
- titles: its title, short title and alternate titles.
The six occupations that already have a hand-kept built-in role
(core/roles/onet-*.toml) are left to it.

ESCO (occupations: title, alternative titles, ISCO group, description; ESCO's
occupation -> skill links are not in the corpus):
- must-have: keywords read from its description, then its O*NET counterpart's
  must-haves; bonus: the counterpart's bonus keywords.
- counterpart: the O*NET occupation whose titles (title, short title,
  alternate titles) share the most of the ESCO occupation's titles (preferred
  label and alternative labels), compared as lower-case words with plural
  endings dropped; the preferred label counts 3, an alternative label 1. A tie
  between two O*NET occupations is "ambiguous" and broken by the most
  specific match (preferred label first), then the smaller code; the counts
  are printed and written in the library's header. An occupation with no
  shared title takes the O*NET occupation one of whose titles has all the
  words of its title (the fewest other words, then the smaller code); else the counterpart most often found for the other
  occupations of its ISCO-08 group (an empirical ISCO -> SOC crosswalk).

Role names: the title in lower-case words joined by '-' ("registered-nurses",
"accountant"); an ESCO name that an O*NET role already has gets "-esco".
The output is deterministic.
"""

import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

FIELD_SPREAD = (3, 150)

# What an empty search lists first: large occupations (the largest in the
# U.S. Bureau of Labor Statistics' employment tables, by their O*NET codes)
# and the ones resume checkers are most used for. Hand-picked; the rest
# follow by how many job titles name them.
COMMON = [
    "29-1141.00",  # Registered Nurses
    "13-2011.00",  # Accountants and Auditors
    "25-2021.00",  # Elementary School Teachers
    "15-1252.00",  # Software Developers
    "41-2031.00",  # Retail Salespersons
    "43-4051.00",  # Customer Service Representatives
    "43-6014.00",  # Secretaries and Administrative Assistants
    "11-1021.00",  # General and Operations Managers
    "13-1082.00",  # Project Management Specialists
    "13-2051.00",  # Financial and Investment Analysts
    "11-2021.00",  # Marketing Managers
    "13-1071.00",  # Human Resources Specialists
    "15-2051.00",  # Data Scientists
    "17-2141.00",  # Mechanical Engineers
    "17-2051.00",  # Civil Engineers
    "47-2111.00",  # Electricians
    "53-3032.00",  # Heavy and Tractor-Trailer Truck Drivers
    "35-2014.00",  # Cooks, Restaurant
    "23-1011.00",  # Lawyers
    "41-4012.00",  # Sales Representatives, Wholesale and Manufacturing
]

ONET_ATTRIBUTION = (
    "O*NET 30.x and 29.2 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under CC BY 4.0"
)
ESCO_ATTRIBUTION = (
    "ESCO v1.0 occupations: this uses the ESCO classification of the European Commission"
)

# O*NET occupations kept as hand-kept built-in roles (core/roles/onet-*.toml).
HAND_KEPT = {
    "15-1252.00": "software-developer",
    "15-1254.00": "web-developer",
    "15-1242.00": "database-administrator",
    "15-2051.00": "data-scientist",
    "15-1244.00": "systems-administrator",
    "15-1212.00": "security-analyst",
}



def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def slug(title):
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s[:60].rstrip("-")


def words_key(title):
    out = []
    for w in re.findall(r"[a-z0-9]+", title.lower()):
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def clean_title(t):
    return re.sub(r"\s+", " ", t).strip()


def dedupe(titles, own):
    seen = {words_key(own)}
    out = []
    for t in titles:
        t = clean_title(t)
        k = words_key(t)
        if not k or k in seen or len(t) > 80:
            continue
        seen.add(k)
        out.append(t)
    return out


def bullets(header, lines):
    if not lines:
        return ""
    return header + "\n" + "".join(f"- {line}\n" for line in lines)


def main():
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus"))
    tax = os.path.join(corpus, "taxonomy")
    occ = {r["O*NET-SOC Code"]: r for r in read_tsv(os.path.join(tax, "onet-29.2", "Occupation_Data.txt"))}
    tasks = defaultdict(lambda: {"Core": [], "Supplemental": []})
    for r in read_tsv(os.path.join(tax, "onet-30", "Task_Statements.txt")):
        kind = "Core" if r["Task Type"] == "Core" else "Supplemental"
        tasks[r["O*NET-SOC Code"]][kind].append(r["Task"].strip())
    tech = defaultdict(list)
    tech_spread = Counter()
    for r in read_tsv(os.path.join(tax, "onet-30", "Technology_Skills.txt")):
        tech[r["O*NET-SOC Code"]].append((r["Example"].strip(), r["In Demand"] == "Y", r["Hot Technology"] == "Y"))
        tech_spread[r["Example"].strip()] += 1
    alt = defaultdict(list)
    for r in read_tsv(os.path.join(tax, "onet-29.2", "Alternate_Titles.txt")):
        alt[r["O*NET-SOC Code"]].append(r["Alternate Title"])
        if r["Short Title"] not in ("n/a", ""):
            alt[r["O*NET-SOC Code"]].append(r["Short Title"])

    verbs = sorted({t.split()[0].lower().strip(",") for c in tasks.values() for k in c.values() for t in k if t.split()})
    roles = []
    names = set(HAND_KEPT.values()) | {"backend-developer"}
    onet_by_key = defaultdict(set)  # title words -> codes (title 3, alternate 1)
    codes = sorted(c for c in set(tasks) | set(tech) if c in occ)
    for code in codes:
        title = clean_title(occ[code]["Title"])
        titles = dedupe(alt[code], title)
        onet_by_key[words_key(title)].add((code, 3))
        for t in titles:
            onet_by_key[words_key(t)].add((code, 1))
        if code in HAND_KEPT:
            continue
        in_demand = [e for e, d, _ in tech[code] if d]
        other = sorted(
            (e for e in {e for e, d, _ in tech[code] if not d} - set(in_demand) if FIELD_SPREAD[0] <= tech_spread[e] <= FIELD_SPREAD[1]),
            key=lambda e: (-tech_spread[e], e),
        )
        name = slug(title)
        assert name not in names, name
        names.add(name)
        roles.append({
            "name": name,
            "title": title,
            "source": "onet",
            "code": code,
            "description": occ[code]["Description"].strip(),
            "titles": titles,
            "must_text": bullets("Responsibilities:", tasks[code]["Core"]),
            "must_tech": in_demand,
            "bonus_text": bullets("Nice to have:", tasks[code]["Supplemental"]),
            "bonus_tech": other,
            # when nothing else is found: every technology example it lists
            "fallback_tech": sorted({e for e, _, _ in tech[code]}, key=lambda e: (-tech_spread[e], e)),
            "sources": [
                f"O*NET {code} {title}: https://www.onetonline.org/link/summary/{code}",
                ONET_ATTRIBUTION,
            ],
        })

    onet_name = {r["code"]: r["name"] for r in roles}
    onet_name.update(HAND_KEPT)
    with open(os.path.join(tax, "esco", "occupations_en.csv"), encoding="utf-8") as f:
        esco = sorted(csv.DictReader(f), key=lambda r: r["preferredLabel"])
    matched = ambiguous = by_isco = by_words = 0
    # first pass: counterparts by shared titles
    found = {}
    for r in esco:
        title = clean_title(r["preferredLabel"])
        labels = [a for a in r["altLabels"].split("\n") if a.strip()]
        votes = Counter()
        for label, weight in [(title, 3)] + [(a, 1) for a in labels]:
            for code, w in onet_by_key.get(words_key(label), ()):
                votes[code] += weight * w
        if votes:
            best = max(votes.values())
            top = sorted(c for c, v in votes.items() if v == best)
            matched += 1
            ambiguous += len(top) > 1
            found[r["conceptUri"]] = top[0]
    # an ISCO group's usual counterpart, for occupations without a shared title
    isco = defaultdict(Counter)
    for r in esco:
        if r["conceptUri"] in found:
            isco[r["iscoGroup"]][found[r["conceptUri"]]] += 1
    for r in esco:
        title = clean_title(r["preferredLabel"])
        labels = [a for a in r["altLabels"].split("\n") if a.strip()]
        counterpart = found.get(r["conceptUri"])
        how = "shared titles"
        if counterpart is None:
            # an O*NET title with all the words of the ESCO title, fewest others
            want = set(words_key(title).split())
            best = min(
                ((len(set(k.split()) - want), code) for k, cs in onet_by_key.items() if want <= set(k.split()) for code, _ in cs),
                default=None,
            )
            if best is not None:
                counterpart, how = best[1], "an O*NET title with all its words"
                by_words += 1
        if counterpart is None and isco[r["iscoGroup"]]:
            counterpart = min(isco[r["iscoGroup"]].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            how = f"ISCO group {r['iscoGroup']}"
            by_isco += 1
        name = slug(title)
        if name in names:
            name = slug(title + " esco")
        assert name not in names, name
        names.add(name)
        uri = r["conceptUri"]
        sources = [f"ESCO occupation {title} (ISCO-08 {r['iscoGroup']}): {uri}", ESCO_ATTRIBUTION]
        if counterpart:
            sources.append(
                f"O*NET counterpart (by {how}) {counterpart} {clean_title(occ[counterpart]['Title'])}, {ONET_ATTRIBUTION}"
            )
        roles.append({
            "name": name,
            "title": title[:1].upper() + title[1:],
            "source": "esco",
            "code": uri.rsplit("/", 1)[-1],
            "isco": r["iscoGroup"],
            "description": r["description"].strip(),
            "titles": dedupe(labels, title),
            "must_text": "Requirements:\n" + r["description"].strip() + "\n",
            "must_tech": [],
            "bonus_text": "",
            "bonus_tech": [],
            "counterpart": onet_name.get(counterpart) if counterpart else None,
            "how": how if counterpart else "",
            "sources": sources,
        })
    header = [
        "Generated by scripts/gen-role-library.py; do not edit by hand.",
        f"{sum(r['source'] == 'onet' for r in roles)} O*NET occupations, {len(esco)} ESCO occupations.",
        f"ESCO -> O*NET counterparts by shared titles: {matched} matched "
        f"({ambiguous} ambiguous, broken by the stronger title match then the smaller code), "
        f"{by_words} more by an O*NET title that has all the words of theirs (fewest others), "
        f"{by_isco} more by their ISCO-08 group (the O*NET occupation most of the group's matched ones have), "
        f"{len(esco) - matched - by_words - by_isco} without.",
        ONET_ATTRIBUTION + ".",
        ESCO_ATTRIBUTION + " (Commission Decision 2011/833/EU).",
    ]
    print("\n".join(header))
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    tmp = os.path.join(ROOT, "target", "role-library-input.json")
    with open(tmp, "w", encoding="utf-8") as f:
        common = [onet_name[c] for c in COMMON if c in onet_name]
        json.dump({"header": header, "verbs": verbs, "common": common, "roles": roles}, f, ensure_ascii=False, indent=0)
    out = os.path.join(ROOT, "core", "data", "role-library.tsv")
    subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "atscore", "--example", "gen_role_library", "--", tmp, out],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()
