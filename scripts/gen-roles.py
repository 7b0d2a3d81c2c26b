#!/usr/bin/env python3
"""Generate built-in roles from O*NET occupations: core/roles/onet-<slug>.toml
and the job-title index core/roles/titles.tsv (used by `Role::find`).

Usage: python3 scripts/gen-roles.py [CORPUS_DIR]   (default ../shared/corpus)

Source: O*NET 29.2 Database (Occupation Data, Technology Skills, Alternate
Titles), CC BY 4.0. Each role file names its occupation, links its O*NET
summary and carries the attribution line.

Per occupation:
- must_have: Technology Skills examples flagged Hot Technology and In Demand
  (topped up with Hot Technology ones if fewer than MIN_MUST), at most 12;
- bonus: the other Hot Technology examples, at most 25;
  both ordered by how many O*NET occupations list the example, most first;
- overused: the same five buzzwords as the backend-developer role.
Names are shortened where the skill lexicon (core/data/skills.tsv, made by
gen-lexicon.py from the same O*NET data) lists the short form as an alias
("Microsoft Azure" -> "Azure"), or to the acronym O*NET spells out
("Structured query language SQL" -> "SQL"); the core's lexicon adds the full
names back when matching. Keywords are deduplicated after normalization.

titles.tsv: `role<TAB>title` lines: each role's title, its O*NET alternate
titles (a title listed for two roles is dropped), and a few hand-written ones.
The output is deterministic, so re-running gives the same files.
"""

import csv
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

ATTRIBUTION = (
    "O*NET 29.2 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under CC BY 4.0"
)

# (role name, O*NET-SOC code, singular title)
OCCUPATIONS = [
    ("software-developer", "15-1252.00", "Software Developer"),
    ("web-developer", "15-1254.00", "Web Developer"),
    ("database-administrator", "15-1242.00", "Database Administrator"),
    ("data-scientist", "15-2051.00", "Data Scientist"),
    ("systems-administrator", "15-1244.00", "Network and Computer Systems Administrator"),
    ("security-analyst", "15-1212.00", "Information Security Analyst"),
]

# Hand-written titles (the backend-developer role is hand-written, not O*NET's).
EXTRA_TITLES = {
    "backend-developer": [
        "Backend Developer",
        "Backend Engineer",
        "Back-End Developer",
        "Backend Software Engineer",
        "Server-Side Developer",
        "API Developer",
    ],
    "web-developer": ["Web Designer", "Frontend Developer"],
    "systems-administrator": ["Systems Administrator", "Sysadmin"],
    "security-analyst": ["Security Analyst", "Cybersecurity Analyst"],
}

MAX_MUST = 12
MIN_MUST = 6
MAX_BONUS = 25

OVERUSED = """overused = [
    { term = "Hard worker", aliases = ["hard-working", "hardworking"], suggestion = "Show it with a result: what you delivered, how fast, how much." },
    { term = "Team player", suggestion = "Show it: a project you delivered with others, and your part in it." },
    { term = "Self-starter", aliases = ["self-motivated"], suggestion = "Show it: something you started on your own and what it achieved." },
    { term = "Detail-oriented", aliases = ["attention to detail"], suggestion = "Show it: an error rate you cut, a review process you ran." },
    { term = "Passionate", suggestion = "Show it: a side project, an open-source contribution, a talk." },
]
"""


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def norm(s):
    """Close to the core's keyword identity: lowercase, punctuation to spaces
    (keeping the + # . inside names such as C++, C#, Node.js)."""
    s = re.sub(r"[^a-z0-9+#.]+", " ", s.lower())
    return " ".join(w.strip(".") for w in s.split() if w.strip("."))


def title_key(s):
    """Same as the core's title key: letters and digits only, a few
    abbreviations expanded, seniority words dropped."""
    words = re.findall(r"[a-z0-9]+", s.lower())
    abbrev = {"admin": "administrator", "dev": "developer", "sysadmin": "systemsadministrator"}
    seniority = {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "i", "ii", "iii"}
    return "".join(abbrev.get(w, w) for w in words if w not in seniority)


def load_lexicon():
    """name (lowercase) -> aliases without ambiguity marks, from skills.tsv."""
    lex = {}
    with open(os.path.join(ROOT, "core", "data", "skills.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            aliases = [a for a in parts[2].split("|") if a and not a.startswith("~")]
            lex.setdefault(parts[0].lower(), aliases)
    return lex


def short_name(example, lex):
    name = re.sub(r" software$", "", example)
    name = re.sub(r"^The MathWorks ", "", name)
    words = name.split()
    # "Structured query language SQL" -> "SQL": the last word is the acronym
    # of the words before it (or of their tail).
    # "Hypertext markup language HTML" -> "HTML": its letters in order.
    last = words[-1]
    if len(words) > 2 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", last):
        for i in range(len(words) - 1):
            initials = "".join(w[0] for w in words[i:-1]).upper()
            letters = [c for c in last.lower() if c.isalpha()]
            rest = " ".join(words[i:-1]).lower()
            if initials == last or is_subsequence(letters, rest):
                return "Amazon " + last if words[0] == "Amazon" and last != "AWS" else last
    # vendor prefix the lexicon lists as an alias: "Microsoft Azure" -> "Azure"
    for alias in sorted(lex.get(name.lower(), []), key=len):
        if name.endswith(" " + alias) and len(alias) > 1 and alias not in COMMON_WORDS:
            return alias
    return name


def is_subsequence(letters, text):
    it = iter(text)
    return all(c in it for c in letters)


# Short names too plain to stand alone ("Google Docs" stays whole).
COMMON_WORDS = {"Docs", "Sheets", "Project", "Dynamics", "Teams", "Word", "Access"}


def first_sentence(text):
    m = re.match(r"(.+?\.)(\s|$)", text)
    return m.group(1) if m else text


# used by more occupations than this: a generic tool (Excel 859, SAP 282,
# SharePoint 166; SQL 151 and Python 131 stay specific)
GENERIC_OCCUPATIONS = 160


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus")
    onet = os.path.join(corpus, "taxonomy", "onet-29.2")
    occ = {r[0]: (r[1], r[2]) for r in read_tsv(os.path.join(onet, "Occupation_Data.txt"))}
    skills = read_tsv(os.path.join(onet, "Technology_Skills.txt"))
    alt = read_tsv(os.path.join(onet, "Alternate_Titles.txt"))
    lex = load_lexicon()

    common = {}
    for r in skills:
        common.setdefault(r[1], set()).add(r[0])

    # Office suites are Hot Technology for nearly every occupation: they say
    # nothing about the role, so they come after its own technologies.
    def generic(example):
        return len(common[example]) > GENERIC_OCCUPATIONS

    def order(examples):
        return sorted(examples, key=lambda e: (generic(e), -len(common[e]), e.lower()))

    titles = {}  # role -> [title]
    for role, code, title in OCCUPATIONS:
        if code not in occ:
            sys.exit(f"{code} not in Occupation_Data.txt")
        onet_title, description = occ[code]
        rows = [r for r in skills if r[0] == code]
        # generic tools (office suites) are never must-haves: they go to bonus
        hot_demand = order({r[1] for r in rows if r[4] == "Y" and r[5] == "Y" and not generic(r[1])})
        hot = order({r[1] for r in rows if r[4] == "Y"} - set(hot_demand))
        must_src = hot_demand + (hot if len(hot_demand) < MIN_MUST else [])
        seen = set()

        def pick(examples, limit):
            out = []
            for e in examples:
                name = short_name(e, lex)
                if norm(name) in seen or len(out) >= limit:
                    continue
                seen.add(norm(name))
                out.append((e, name))
            return out

        must = pick(must_src, MAX_MUST)
        bonus = pick([e for e in hot if e not in {m for m, _ in must}], MAX_BONUS)

        url = f"https://www.onetonline.org/link/summary/{code}"
        lines = [
            f"# Built-in role: {title}. Generated by scripts/gen-roles.py from O*NET {code}",
            f"# ({onet_title}); do not edit by hand. must_have: Hot Technology and In Demand",
            "# technologies; bonus: other Hot Technology ones; the role's own technologies first",
            "# (tools used by most occupations, e.g. office suites, only as bonus, last), then most common first.",
            f"name = {toml_str(role)}",
            f"title = {toml_str(title)}",
            f"description = {toml_str(first_sentence(description))}",
            "sources = [",
            f"    {toml_str(f'O*NET {code} {onet_title}: {url}')},",
            f"    {toml_str(ATTRIBUTION)},",
            "]",
            "",
            "must_have = [",
        ]
        lines += [f"    {toml_str(n)}," for _, n in must]
        lines += ["]", "", "bonus = ["]
        lines += [f"    {toml_str(n)}," for _, n in bonus]
        lines += ["]", ""]
        path = os.path.join(ROOT, "core", "roles", f"onet-{role}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n" + OVERUSED)

        ts = [title, onet_title]
        for r in alt:
            if r[0] != code:
                continue
            m = re.fullmatch(r"(.+?) \((.+)\)", r[1])
            ts += [m.group(1), m.group(2)] if m else [r[1]]
            if r[2] != "n/a":
                ts.append(r[2])
        titles[role] = ts

    # keep a title once per role; drop it where two roles claim it
    owners = {}
    for role, ts in list(titles.items()) + list(EXTRA_TITLES.items()):
        for t in ts:
            owners.setdefault(title_key(t), set()).add(role)
    out = []
    for role, ts in list(EXTRA_TITLES.items())[:1] + list(titles.items()):
        ts = ts + (EXTRA_TITLES.get(role, []) if role != "backend-developer" else [])
        keys = set()
        for t in ts:
            k = title_key(t)
            hand = t in EXTRA_TITLES.get(role, [])
            if not k or k in keys or (len(owners[k]) > 1 and not hand):
                continue
            keys.add(k)
            out.append(f"{role}\t{t}")
    with open(os.path.join(ROOT, "core", "roles", "titles.tsv"), "w", encoding="utf-8") as f:
        f.write("# Job titles per built-in role, for Role::find. Generated by scripts/gen-roles.py\n")
        f.write(f"# from O*NET 29.2 Alternate Titles and hand-written titles. {ATTRIBUTION}.\n")
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
