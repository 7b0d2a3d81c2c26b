#!/usr/bin/env python3
"""Generate the built-in skill lexicon (core/data/skills.tsv) from the openly
licensed taxonomies in ../shared/corpus/taxonomy.

Usage: python3 scripts/gen-lexicon.py [CORPUS_DIR]   (default ../shared/corpus)

Sources and licences (see the corpus SOURCES.md):
- O*NET 29.2 Technology Skills and Occupation Data: CC BY 4.0. Product names,
  "Hot Technology" / "In Demand" flags; occupation descriptions only to learn
  which words are ordinary English (never copied into the output).
- GitHub Linguist languages.yml: MIT. Language names and aliases.
- simple-icons: CC0. Canonical spellings of technology names and aliases.
- ESCO 1.2 digital and transversal skills: "This uses the ESCO classification
  of the European Commission." Short labels and their alternative labels.

Not used: Stack Overflow tag synonyms. They are CC BY-SA (share-alike): a
committed file derived from them would have to carry CC BY-SA too, which does
not fit a library others embed under its own licence; and its source in the
corpus has no licence file to check. The other sources cover the same ground.

Output: one skill a line, tab-separated:
    name  acronym  aliases (|-separated)  flags
flags: h = O*NET Hot Technology or In Demand, s = soft skill. A form written
~Form is ambiguous (one letter, or an ordinary English word such as Excel or
Go): it counts only as a clear mention.
The output is deterministic (sorted), so re-running gives the same file.
"""

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
TAX = CORPUS / "taxonomy"
OUT = ROOT / "core" / "data" / "skills.tsv"

VENDORS = [
    "Amazon Web Services AWS", "Amazon Web Services", "Microsoft", "Apache", "Amazon",
    "Atlassian", "Adobe", "Oracle", "IBM", "Google", "Apple", "SAP", "Autodesk", "Cisco",
    "Eclipse", "ESRI", "Salesforce", "Red Hat", "VMware", "JetBrains", "Intuit", "Meta",
    "Facebook", "Elastic", "HashiCorp", "Docker", "Splunk", "Tableau", "Hewlett Packard",
    "Teradata", "Informatica", "Alteryx", "MongoDB", "Puppet", "Progress", "Unity",
]

# Soft skills an ATS looks for; ESCO transversal labels of up to three words
# are added below.
SOFT = {
    "communication": ["communication skills", "verbal communication", "written communication"],
    "teamwork": ["team work", "working in a team", "collaboration"],
    "leadership": ["leadership skills", "team leadership"],
    "problem solving": ["problem-solving", "problem solving skills"],
    "critical thinking": [],
    "time management": [],
    "attention to detail": ["detail-oriented"],
    "adaptability": ["flexibility"],
    "creativity": [],
    "mentoring": ["coaching"],
    "stakeholder management": [],
    "presentation skills": ["public speaking"],
    "analytical skills": ["analytical thinking"],
    "interpersonal skills": [],
    "organizational skills": ["organisational skills"],
    "self-motivation": ["self-motivated"],
    "ownership": [],
    "negotiation": [],
    "customer focus": ["customer service"],
    "decision making": ["decision-making"],
}

# Forms never taken as a skill on their own: too generic to mean one.
STOP = {
    "software", "data", "web", "cloud", "code", "design", "development", "email", "online",
    "internet", "database", "system", "systems", "network", "project", "office", "team",
    "it", "go to", "learning", "english", "world", "time", "management", "information",
    "etc", "node", "experiment", "experiments",
}


# Names some source lists that are far more often ordinary words in a posting.
DROP = {"Red", "Reason", "Source", "J", "V", "D", "LESS", "Crystal", "Scheme", "Assembly", "Scratch"}


def norm(s):
    s = s.strip().lower()
    s = re.sub(r"\s+", " ", s)
    return s


def words(s):
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9+#.'-]*", s)


def english_words():
    """Words written in lowercase in ordinary English prose (O*NET occupation
    descriptions, ESCO descriptions): a skill name that is one of them is
    ambiguous."""
    seen = Counter()
    texts = [r["Description"] for r in read_tsv(TAX / "onet-29.2" / "Occupation_Data.txt")]
    for f in ["digitalSkillsCollection_en.csv", "transversalSkillsCollection_en.csv"]:
        texts += [r["description"] for r in read_csv(TAX / "esco-1.2-collections" / f)]
    for t in texts:
        for sent in re.split(r"[.!?]\s+", t):
            for i, w in enumerate(re.findall(r"[A-Za-z]+", sent)):
                if i > 0 and w.islower():
                    seen[w] += 1
    return {w for w, n in seen.items() if n >= 2}


def read_tsv(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_csv(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def is_acronym(short, long):
    letters = [c.lower() for c in short if c.isalpha()]
    ws = [w.lower() for w in re.findall(r"[A-Za-z]+", long)]
    ws = [w for w in ws if w not in ("and", "of", "the", "for", "as", "a", "an", "to")]
    if len(letters) < 2 or len(ws) < 2:
        return False

    def go(ls, ws):
        if not ls:
            return not ws
        if not ws:
            return False
        w = ws[0]
        return any(
            w[:k] == "".join(ls[:k]) and go(ls[k:], ws[1:]) for k in range(1, min(len(w), len(ls)) + 1)
        )

    return go(letters, ws)


class Lexicon:
    def __init__(self, common):
        self.entries = []  # dicts: name, acronym, aliases(list), flags(set)
        self.by_form = {}
        self.common = common

    def generic(self, form):
        ws = [w.lower() for w in re.findall(r"[A-Za-z0-9+#.]+", form)]
        return not ws or norm(form) in STOP or all(w in self.common or w in STOP for w in ws) and len(ws) > 1

    def find(self, forms):
        for f in forms:
            e = self.by_form.get(norm(f))
            if e is not None:
                return e
        return None

    def add(self, name, acronym=None, aliases=(), flags=(), create=True, merge_by=None):
        """Add a skill, or merge it into the entry one of `merge_by` names
        (default: all its forms)."""
        forms = [name] + ([acronym] if acronym else []) + list(aliases)
        forms = [f.strip() for f in forms if f and f.strip()]
        e = self.find(merge_by if merge_by is not None else forms)
        if e is not None and merge_by is not None and not create:
            pass
        elif e is not None and merge_by is not None:
            aliases = []  # merged by name only: keep the entry's own aliases
        if e is None:
            if not create or (self.generic(name) and not acronym) or name in DROP:
                return None
            e = {"name": name.strip(), "acronym": None, "aliases": [], "flags": set()}
            self.entries.append(e)
            self.by_form[norm(name)] = e
        if acronym and not e["acronym"] and norm(acronym) not in self.by_form:
            e["acronym"] = acronym
            self.by_form[norm(acronym)] = e
        for a in aliases:
            a = a.strip()
            if not a or norm(a) in self.by_form or norm(a) in STOP or len(a) > 60:
                continue
            if self.generic(a) or (" " not in a and a.lower() in self.common and a.islower()):
                continue
            if len(norm(a)) < 2 and a not in ("C", "R"):
                continue
            e["aliases"].append(a)
            self.by_form[norm(a)] = e
        e["flags"].update(flags)
        return e


def onet_forms(raw):
    """Name, acronym and aliases of an O*NET product name such as
    'Amazon Web Services AWS CloudFormation' or 'Cascading style sheets CSS'."""
    raw = raw.replace("Structure query language", "Structured query language")
    name = re.sub(r"\s+software$", "", raw.strip())
    aliases = []
    acronym = None
    m = re.match(r"^(.*\S)\s+\(?([A-Z][A-Z0-9/&.-]{1,7}s?)\)?$", name)
    if m and is_acronym(m.group(2), m.group(1)):
        name, acronym = m.group(1), m.group(2)
    if name != raw.strip() and raw.strip().endswith(" software"):
        pass
    for v in VENDORS:
        if name.startswith(v + " ") and len(name) > len(v) + 1:
            rest = name[len(v) + 1 :]
            if v == "Amazon Web Services AWS":
                aliases.append("AWS " + rest)
                name = "Amazon Web Services " + rest
            aliases.append(rest)
            break
    return name, acronym, aliases


def main():
    common = english_words()
    lex = Lexicon(common)

    # 1. O*NET Technology Skills: hot / in-demand, or used by 3+ occupations.
    rows = read_tsv(TAX / "onet-29.2" / "Technology_Skills.txt")
    count = Counter(r["Example"] for r in rows)
    hot = {r["Example"] for r in rows if r["Hot Technology"] == "Y" or r["In Demand"] == "Y"}
    for raw in sorted(count):
        if raw in hot or count[raw] >= 3:
            name, acr, aliases = onet_forms(raw)
            if raw.endswith(" software") and not acr and all(
                w.lower() in common for w in re.findall(r"[A-Za-z]+", name)
            ):
                continue  # a category ("Accounting software"), not a product
            lex.add(name, acr, aliases, flags={"h"} if raw in hot else set(),
                    merge_by=[name] + ([acr] if acr else []))

    # 2. Linguist: programming languages, with aliases (MIT).
    langs = yaml.safe_load(open(TAX / "github-linguist" / "languages.yml", encoding="utf-8"))
    icons = json.load(open(TAX / "simple-icons" / "simple-icons.json", encoding="utf-8"))
    icon_titles = {norm(i["title"]) for i in icons}
    for name, info in sorted(langs.items()):
        if info.get("type") != "programming":
            continue
        stem = re.sub(r"[^a-z0-9]", "", name.lower())[:2]
        aliases = [a for a in info.get("aliases", []) if len(a) > 2 and a.lower().startswith(stem)]
        # only languages another source also names: Linguist lists many obscure ones
        create = norm(name) in icon_titles
        lex.add(name, None, aliases, create=create)

    # 3. simple-icons (CC0): spellings and aliases of names already known.
    for i in icons:
        al = i.get("aliases", {})
        aka = list(al.get("aka", []))
        lex.add(i["title"], None, aka, create=False)

    # 4. ESCO digital skills: short knowledge labels and their alt labels.
    for r in read_csv(TAX / "esco-1.2-collections" / "digitalSkillsCollection_en.csv"):
        if r["skillType"] != "knowledge":
            continue
        label = re.sub(r"\s*\(.*\)$", "", r["preferredLabel"]).strip()
        if len(label.split()) > 3 or len(label) < 2:
            continue
        alts = [a.strip() for a in re.split(r"\n| \| ", r["altLabels"]) if a.strip()]
        alts = [re.sub(r"\s*\(.*\)$", "", a) for a in alts if len(a.split()) <= 3]
        lex.add(label, None, alts, merge_by=[label])

    # 5. Soft skills: hand list + ESCO transversal labels of up to three words.
    for name, aliases in SOFT.items():
        lex.add(name, None, aliases, flags={"s"})
    for r in read_csv(TAX / "esco-1.2-collections" / "transversalSkillsCollection_en.csv"):
        label = r["preferredLabel"].strip()
        if 2 <= len(label.split()) <= 3:
            # their alternative labels are loose ("experiment" for "think
            # creatively"): the label alone
            lex.add(label, None, [], flags={"s"})

    def mark(form):
        # a one-word form that is an ordinary English word, or one letter:
        # it counts only as a clear mention (written with its capital, in a list)
        one = re.fullmatch(r"[A-Za-z]+", form) is not None
        return "~" + form if one and (form.lower() in common or len(form) == 1) else form

    for e in lex.entries:
        if "s" not in e["flags"]:
            e["name"] = mark(e["name"])
            e["aliases"] = [mark(a) for a in e["aliases"]]

    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for e in sorted(lex.entries, key=lambda e: norm(e["name"].lstrip("~"))):
        clean = lambda s: s.replace("\t", " ").replace("|", "/").replace("\n", " ")
        lines.append(
            "\t".join(
                [
                    clean(e["name"]),
                    clean(e["acronym"] or ""),
                    "|".join(clean(a) for a in e["aliases"]),
                    "".join(sorted(e["flags"])),
                ]
            )
        )
    header = [
        "# atscore skill lexicon, generated by scripts/gen-lexicon.py; do not edit by hand.",
        "# Derived from: O*NET 29.2 Technology Skills (CC BY 4.0; O*NET is a trademark of the",
        "#   U.S. Department of Labor, ETA; this data was modified from the original),",
        "#   GitHub Linguist languages.yml (MIT, (c) GitHub, Inc.), simple-icons (CC0),",
        "#   ESCO 1.2 digital and transversal skills (this uses the ESCO classification of",
        "#   the European Commission).",
        "# Columns: name, acronym, aliases (|-separated), flags (h hot, s soft); ~Form = ambiguous.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} skills", file=sys.stderr)


if __name__ == "__main__":
    main()
