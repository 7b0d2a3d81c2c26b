#!/usr/bin/env python3
"""Generate the built-in skill lexicon (core/data/lexicon.tsv) from the openly
licensed taxonomies in ../shared/corpus/taxonomy and our own hand lists.
It covers every occupation (nursing, accounting, teaching, trades, sales,
logistics, HR...), not only technology. core/data/skills.tsv, the older
tech-only lexicon, is left as it is.

Usage: python3 scripts/gen-lexicon.py [CORPUS_DIR]   (default ../shared/corpus)
       python3 scripts/gen-lexicon.py --verb-nouns    (the verb table alone)
It also writes core/src/posting/verb_nouns.rs, VERB_NOUN as a Rust table for
the posting reader's nominalizer, and (through cargo: the Rust stemmer
itself) core/data/lexicon-stems.tsv, the Snowball stems of the words the
lexicon's forms join ("server side" -> "serverside"), which the lexicon's
load would otherwise compute (a test checks the file is current).
Needs Python 3.9+ and PyYAML. Prints counts per source and flag on stderr.

Sources and licences (see the corpus SOURCES.md):
- ESCO skills (taxonomy/esco/skills_en.csv: every knowledge and
  skill/competence concept) and the ESCO 1.2 digital and transversal
  collections: "This uses the ESCO classification of the European
  Commission." Labels are reduced to the short noun phrases a resume holds.
- O*NET 30 and 29.2 Technology Skills, O*NET 30 Tools Used: CC BY 4.0,
  modified from the original. Product and tool names, "Hot Technology" /
  "In Demand" flags. O*NET occupation descriptions and task statements and
  ESCO occupation and ISCO group descriptions are read only to learn which
  words are ordinary English (never copied into the output).
- GitHub Linguist languages.yml: MIT. Programming language names and aliases.
- simple-icons: CC0. Canonical spellings of technology names and aliases.
- SkillSpan (peer-tests/skillspan, MIT, (c) 2023 Mike Zhang; Zhang et al.,
  NAACL 2022), train split only: knowledge spans its annotators marked in
  two postings or more, named with a capital, digit or symbol ("HTML",
  "Redux", "JSON", "CI/CD pipelines"): what postings ask for that the
  taxonomies lack.
- Our own hand lists (below): certifications and licences, spoken
  languages, soft skills, common occupational skills and tech concepts the
  sources lack, stoplists, places.

Not used: Stack Overflow tag synonyms. They are CC BY-SA (share-alike): a
committed file derived from them would have to carry CC BY-SA too, which does
not fit a library others embed under its own licence.

Output: one skill a line, tab-separated:
    name  acronym  aliases (|-separated)  flags
Flags (several may combine):
    h  O*NET Hot Technology or In Demand     s  soft skill
    k  knowledge (ESCO knowledge concept)    a  activity (ESCO skill/competence)
    t  technology or tool product            c  certification or licence
    l  spoken language
A form written ~Form (name, acronym or alias) is ambiguous: one letter, a
product name that is also an ordinary word (~Word, ~Epic, ~Slack), or an
acronym that is also a word or a name (~SAN, ~CAP, ~PALS). It counts only
written with that capitalization and as a clear mention (in a list, alone on
a line). Forms hold no parentheses.

How ESCO labels become resume forms
- Knowledge labels are noun phrases already ("pharmacology", "labour
  legislation"); they are kept when short: at most 4 words, no commas,
  brackets, prepositions ("treatment of strabismus" is no resume wording),
  pronouns or adverbs, no "types of ..."/"principles of ..." wrapper, no
  head that names no skill (NOT_SKILL_HEADS: "crime victim needs").
  "X principles/techniques/methods" also gives "X". An alternative label is
  kept when it is an acronym, a spelling variant, or has the preferred
  label's head noun and another word in common (ESCO's alternative labels
  stray: "pilot routing" for "call routing", "market values" for "market
  pricing").
- Skill/competence labels are verb phrases. VERB_NOUN maps common verbs to
  their nominalization, and the object comes first with its last word made
  singular: "manage budgets" -> "budget management", "administer medication"
  -> "medication administration", "teach mathematics" -> "mathematics
  teaching". Verbs in DROP_VERB (perform, conduct, carry out, undertake,
  provide, apply, use...) are dropped when the object is itself an activity
  or a known skill: "perform market research" -> "market research", "conduct
  CPR" -> "CPR". The -ing form of the preferred label ("managing budgets")
  is an alias (never the name). An object with a preposition, a pronoun, a
  particle or more than three words is not rewritten: such a label stays a
  sentence and is dropped. Alternative labels that are noun phrases already
  are kept when their head names an activity ("inventory planning", by its
  ending or ACTIVITY_HEADS), not an object ("parts inventory", "time
  sheets", NOT_ACTIVITY); forms from alternative labels must share a word
  with the preferred label ("metal sheet wall creation" for "operate
  vibratory pile driver" is dropped). A word no other label has that is
  close to a frequent one is a typo ("data gavering") and drops its form.
  A concept left with no short form is dropped. Every concept's name is
  taken before any alternative form, and an entry keeps at most
  MAX_ESCO_ALIASES aliases.
- British and American spellings: a form with -ise/-isation, -our,
  -ae-/-oe-, -elling, -tre, programme, licence... also gets the American
  form (analyse/analyze, organisation/organization) as an alias.
- Concepts that are a spoken language skill ("interact verbally in Dutch")
  go to the language entries.

How too-general forms are dropped (a wrong entry becomes a wrong must-have)
- A one-word lowercase form is dropped when it is a common word of ordinary
  prose: it appears, not first in its sentence and in lowercase, at least
  COMMON_MIN times in O*NET occupation descriptions and task statements and
  ESCO occupation, ISCO group and collection descriptions ("support",
  "health", "time", "quality"). It is kept anyway when it names a
  discipline: a word with a discipline ending (DISCIPLINE_ENDING: -ology,
  -ics, -graphy, -therapy, -ing, -tion...) that ESCO or O*NET gives as a
  skill on its own ("accounting", "nursing", "welding", "encryption"), or
  one in DISCIPLINES ("surgery", "payroll", "bookkeeping").
  STOP is a hand stoplist on top ("workspace", "ownership", "act", "health",
  "support", "testing", "training", "planning", "sales": general or
  ordinary whatever the counts say).
- A two-word lowercase form whose head is a general noun (GENERIC_HEADS:
  standards, policies, needs, materials, supplies...) and whose other word is
  common ("quality standards", "customer needs") is dropped.
- "Network+" is dropped as an alias (the matcher reads it as "network").
- Ambiguity (~): a one-word capitalized form whose lowercase is a common
  prose word (count >= 2, plus FUNCTION_WORDS: everyday words that the formal
  sources rarely write, "just", "max") or in AMBIGUOUS_WORDS (words and names:
  excel, epic, slack); an all-capitals acronym whose lowercase is any prose
  word, a place or in AMBIGUOUS_WORDS (SAN, CAP, CIA); a language name that is
  a word (LANGUAGE_WORDS: Polish). Kept lowercase words are disciplines, not
  marked. Soft skills are never marked.
- Places (PLACES: countries, US states, big cities, and San, Los, Santa...)
  never become a form (an acronym such as SAN stays, marked ~).
- O*NET products: a vendor prefix gives an alias ("Microsoft Excel" ->
  "Excel") unless the alias is made of English words only ("Adobe Director"
  -> "Director", "Amazon Web Services" -> "Web Services"), PRODUCT_WORDS
  excepted (Excel, Word, Outlook, Teams...). "X software" with X in
  ordinary words is a kind of software, kept as a lowercase activity when it
  names one ("regression testing", "cost estimating"), dropped when it names
  a thing ("spreadsheet", "web browser", ONET_CATEGORY_STOP). A rare product
  named in ordinary words only ("Special Agent") is dropped. Products used by
  more occupations go first, so they keep a shared acronym (CMS).
- One entry per concept; a form (compared as the matcher does: lowercase,
  hyphen = space, every word stemmed, so "team working" = "team work")
  belongs to the first entry that takes it, in this order: certifications,
  spoken languages, hand tech and occupational lists, O*NET technology,
  Linguist, simple-icons, soft skills, ESCO knowledge, ESCO skills, O*NET
  tools. A later concept whose name is already taken is merged into the
  entry that has it (its forms become aliases there).

O*NET Tools Used: a tool is kept when a resume would list it as equipment
its owner operates: its head noun is in TOOL_HEADS (machine, forklift, pallet
jack, crane, loader, welder, lathe, press, pump, analyzer, microscope,
centrifuge, ventilator, defibrillator, cash register...), its UNSPSC segment
is one of machinery, vehicles, material handling, lab, medical, point of sale
or food service (TOOL_SEGMENTS), and it is used by two occupations or more
(or one, in TOOL_CORE segments). Hand tools, supplies, protective gear,
furniture, office equipment and instruments handed to someone are not taken.
A one-word tool that is a common word ("Trucks") is dropped unless in
SINGLE_TOOLS (forklift, crane, lathe...). "Electronic cash registers" is
merged into "cash register" (a leading modifier in TOOL_MODIFIERS).

The output is deterministic (sorted), so re-running gives the same file.
"""

import csv
import difflib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

csv.field_size_limit(1 << 24)

ROOT = Path(__file__).resolve().parent.parent
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
CORPUS = Path(ARGS[0]) if ARGS else ROOT.parent / "shared" / "corpus"
TAX = CORPUS / "taxonomy"
OUT = ROOT / "core" / "data" / "lexicon.tsv"
# the verb -> noun table the posting reader's nominalizer uses ("analyzing
# variances" -> "variance analysis"): the same VERB_NOUN the labels are
# rewritten with, so a nominalized posting phrase meets the lexicon's form
VERB_NOUNS_OUT = ROOT / "core" / "src" / "posting" / "verb_nouns.rs"
# the stems of the lexicon's joined words, made by the crate's own stemmer
STEMS_OUT = ROOT / "core" / "data" / "lexicon-stems.tsv"

# a word seen this often in ordinary prose (lowercase, not sentence-first) is
# a common word
COMMON_MIN = 8
# most aliases an ESCO entry keeps (its forms are many near repeats)
MAX_ESCO_ALIASES = 8

VENDORS = [
    "Amazon Web Services AWS", "Amazon Web Services", "Microsoft", "Apache", "Amazon",
    "Atlassian", "Adobe", "Oracle", "IBM", "Google", "Apple", "SAP", "Autodesk", "Cisco",
    "Eclipse", "ESRI", "Salesforce", "Red Hat", "VMware", "JetBrains", "Intuit", "Meta",
    "Facebook", "Elastic", "HashiCorp", "Docker", "Splunk", "Tableau", "Hewlett Packard",
    "Teradata", "Informatica", "Alteryx", "MongoDB", "Puppet", "Progress", "Unity",
    "Sun Microsystems", "SAS Institute", "Bentley", "Trimble", "Siemens", "Dassault Systemes",
    "Corel", "Sage", "Epic", "Cerner", "Infor", "Kronos", "Workday", "ADP", "Symantec",
]

# ---------------------------------------------------------------- hand lists

# Certifications and licences: (name, acronym, aliases). Ours.
CERTS = [
    ("Project Management Professional", "PMP", ["PMP certification", "PMP certified"]),
    ("Certified Associate in Project Management", "CAPM", []),
    ("Program Management Professional", "PgMP", []),
    ("PMI Agile Certified Practitioner", "PMI-ACP", []),
    ("PRINCE2", None, ["PRINCE2 Foundation", "PRINCE2 Practitioner", "PRINCE2 certification"]),
    ("Certified ScrumMaster", "CSM", ["Certified Scrum Master", "Scrum Master certification"]),
    ("Professional Scrum Master", "PSM", ["PSM I", "PSM II"]),
    ("Certified Scrum Product Owner", "CSPO", []),
    ("Certified SAFe Agilist", None, ["SAFe Agilist", "SAFe certification"]),
    ("Certified Public Accountant", "CPA", ["CPA license", "CPA licence", "licensed CPA"]),
    ("Chartered Financial Analyst", "CFA", ["CFA charterholder", "CFA Level I", "CFA Level II", "CFA Level III"]),
    ("Certified Management Accountant", None, []),
    ("Chartered Accountant", "ACA", ["chartered accountancy"]),
    ("Association of Chartered Certified Accountants", "ACCA", ["ACCA qualification", "ACCA qualified"]),
    ("Chartered Institute of Management Accountants", "CIMA", ["CIMA qualification"]),
    ("Certified Internal Auditor", "CIA", []),
    ("Certified Information Systems Auditor", "CISA", []),
    ("Certified Information Systems Security Professional", "CISSP", []),
    ("Certified Information Security Manager", "CISM", []),
    ("Certified Cloud Security Professional", "CCSP", []),
    ("Certified Information Privacy Professional", "CIPP", ["CIPP/E", "CIPP/US"]),
    ("Certified Ethical Hacker", "CEH", []),
    ("Offensive Security Certified Professional", "OSCP", []),
    ("GIAC Security Essentials", "GSEC", []),
    ("CompTIA Security+", None, ["Security+ certification"]),
    ("CompTIA A+", None, ["A+ certification"]),
    ("CompTIA Network+", None, ["Network+ certification"]),
    ("CompTIA Linux+", None, ["Linux+ certification"]),
    ("CompTIA CySA+", None, ["CySA+"]),
    ("Cisco Certified Network Associate", "CCNA", []),
    ("Cisco Certified Network Professional", "CCNP", []),
    ("Cisco Certified Internetwork Expert", "CCIE", []),
    ("AWS Certified Solutions Architect", None, [
        "AWS Solutions Architect", "AWS Certified Solutions Architect Associate",
        "AWS Certified Solutions Architect Professional", "AWS Solutions Architect Associate"]),
    ("AWS Certified Developer", None, ["AWS Certified Developer Associate"]),
    ("AWS Certified SysOps Administrator", None, ["AWS SysOps Administrator"]),
    ("AWS Certified DevOps Engineer", None, ["AWS Certified DevOps Engineer Professional"]),
    ("AWS Certified Cloud Practitioner", None, ["AWS Cloud Practitioner"]),
    ("AWS Certified Machine Learning Specialty", None, []),
    ("Microsoft Certified: Azure Administrator Associate", None, ["Azure Administrator Associate", "AZ-104"]),
    ("Microsoft Certified: Azure Solutions Architect Expert", None, ["Azure Solutions Architect Expert", "AZ-305"]),
    ("Microsoft Certified: Azure Fundamentals", None, ["Azure Fundamentals", "AZ-900"]),
    ("Microsoft Certified: Azure Developer Associate", None, ["Azure Developer Associate", "AZ-204"]),
    ("Google Cloud Professional Cloud Architect", None, ["Professional Cloud Architect"]),
    ("Google Cloud Professional Data Engineer", None, ["Professional Data Engineer"]),
    ("Certified Kubernetes Administrator", "CKA", []),
    ("Certified Kubernetes Application Developer", "CKAD", []),
    ("Red Hat Certified Engineer", "RHCE", []),
    ("Red Hat Certified System Administrator", "RHCSA", []),
    ("Oracle Certified Professional", None, ["Oracle Certified Professional Java SE", "OCP Java"]),
    ("Microsoft Certified Systems Engineer", "MCSE", []),
    ("Microsoft Certified Solutions Associate", "MCSA", []),
    ("Microsoft Office Specialist", "MOS", ["MOS certification"]),
    ("VMware Certified Professional", "VCP", []),
    ("ISTQB Certified Tester", None, ["ISTQB", "ISTQB Foundation Level"]),
    ("Salesforce Certified Administrator", None, ["Salesforce Administrator certification"]),
    ("Salesforce Certified Platform Developer", None, []),
    ("TOGAF certification", None, ["TOGAF certified"]),
    ("ITIL Foundation", None, ["ITIL certification", "ITIL v4 Foundation", "ITIL certified"]),
    ("Certified Business Analysis Professional", "CBAP", []),
    ("Certification of Capability in Business Analysis", "CCBA", []),
    ("Six Sigma Green Belt", None, ["Lean Six Sigma Green Belt", "Green Belt certification", "LSSGB"]),
    ("Six Sigma Black Belt", None, ["Lean Six Sigma Black Belt", "Black Belt certification", "LSSBB", "CSSBB"]),
    ("Six Sigma Yellow Belt", None, ["Lean Six Sigma Yellow Belt"]),
    ("Six Sigma Master Black Belt", None, []),
    ("Certified Supply Chain Professional", "CSCP", []),
    ("Certified in Production and Inventory Management", "CPIM", []),
    ("Certified Professional in Supply Management", "CPSM", []),
    ("Chartered Institute of Procurement and Supply", "CIPS", ["MCIPS", "CIPS qualification"]),
    ("SHRM Certified Professional", "SHRM-CP", []),
    ("SHRM Senior Certified Professional", "SHRM-SCP", []),
    ("Professional in Human Resources", "PHR", []),
    ("Senior Professional in Human Resources", "SPHR", []),
    ("Associate Professional in Human Resources", "aPHR", []),
    ("CIPD qualification", None, ["CIPD", "CIPD Level 5", "CIPD Level 7"]),
    ("Certified Payroll Professional", "CPP", []),
    ("Certified Fraud Examiner", "CFE", []),
    ("Certified Financial Planner", "CFP", []),
    ("Financial Risk Manager", "FRM", []),
    ("Chartered Alternative Investment Analyst", "CAIA", []),
    ("Chartered Financial Consultant", "ChFC", []),
    ("Chartered Life Underwriter", "CLU", []),
    ("Certified Treasury Professional", "CTP", []),
    ("FINRA Series 7", None, ["Series 7", "Series 7 license"]),
    ("FINRA Series 63", None, ["Series 63"]),
    ("FINRA Series 65", None, ["Series 65"]),
    ("FINRA Series 66", None, ["Series 66"]),
    ("Enrolled Agent", None, []),
    ("real estate license", None, ["real estate licence", "real estate salesperson license"]),
    ("insurance license", None, ["insurance licence", "property and casualty license", "life and health license"]),
    ("notary public", None, ["notary public commission"]),
    ("bar admission", None, ["admitted to the bar", "licensed attorney"]),
    ("Registered Nurse", "RN", ["RN license", "RN licence", "registered nurse license", "registered nurse licence"]),
    ("Licensed Practical Nurse", "LPN", ["LPN license"]),
    ("Licensed Vocational Nurse", "LVN", []),
    ("Certified Nursing Assistant", "CNA", ["certified nurse aide", "CNA certification"]),
    ("Nurse Practitioner license", None, ["Family Nurse Practitioner", "FNP-BC", "FNP-C"]),
    ("Certified Registered Nurse Anesthetist", "CRNA", []),
    ("Certified Nurse Midwife", "CNM", []),
    ("Critical Care Registered Nurse", "CCRN", []),
    ("Certified Emergency Nurse", "CEN", []),
    ("Oncology Certified Nurse", "OCN", []),
    ("Basic Life Support", "BLS", ["BLS certification", "BLS certified"]),
    ("Advanced Cardiovascular Life Support", "ACLS", ["Advanced Cardiac Life Support", "ACLS certification"]),
    ("Pediatric Advanced Life Support", "PALS", ["Paediatric Advanced Life Support", "PALS certification"]),
    ("Neonatal Resuscitation Program", None, ["NRP certification"]),
    ("Trauma Nursing Core Course", "TNCC", []),
    ("cardiopulmonary resuscitation", "CPR", ["CPR certification", "CPR certified", "CPR/AED"]),
    ("first aid", None, ["first aid certification", "first aid certificate", "first aid certified"]),
    ("Emergency Medical Technician", "EMT", ["EMT-B", "EMT-Basic", "EMT certification", "NREMT"]),
    ("paramedic license", None, ["paramedic certification", "NRP paramedic"]),
    ("Certified Medical Assistant", None, []),
    ("Certified Clinical Medical Assistant", "CCMA", []),
    ("Registered Medical Assistant", "RMA", []),
    ("Certified Pharmacy Technician", "CPhT", ["PTCB certification"]),
    ("pharmacist license", None, ["RPh", "registered pharmacist"]),
    ("Certified Phlebotomy Technician", None, ["phlebotomy certification"]),
    ("Certified Professional Coder", "CPC", []),
    ("Certified Coding Specialist", "CCS", []),
    ("Registered Health Information Technician", "RHIT", []),
    ("Registered Health Information Administrator", "RHIA", []),
    ("Certified Surgical Technologist", "CST", []),
    ("Registered Respiratory Therapist", "RRT", []),
    ("Registered Dental Hygienist", "RDH", []),
    ("Certified Dental Assistant", None, []),
    ("Registered Dietitian", "RDN", ["Registered Dietitian Nutritionist"]),
    ("Board Certified Behavior Analyst", "BCBA", ["Board Certified Behaviour Analyst"]),
    ("Registered Behavior Technician", "RBT", []),
    ("Licensed Clinical Social Worker", "LCSW", []),
    ("Licensed Master Social Worker", "LMSW", []),
    ("Licensed Professional Counselor", "LPC", ["Licensed Professional Counsellor"]),
    ("Licensed Marriage and Family Therapist", "LMFT", []),
    ("Certified Alcohol and Drug Counselor", "CADC", []),
    ("Certified Occupational Therapy Assistant", "COTA", []),
    ("Certified Athletic Trainer", "ATC", []),
    ("Registered Veterinary Technician", "RVT", []),
    ("Certified Professional in Healthcare Quality", "CPHQ", []),
    ("teaching license", None, [
        "teaching licence", "teaching certificate", "teaching certification", "teaching credential",
        "teacher certification", "state teaching license", "teacher licensure", "teaching qualification"]),
    ("Qualified Teacher Status", "QTS", []),
    ("Postgraduate Certificate in Education", "PGCE", []),
    ("TEFL certificate", "TEFL", ["TEFL certification", "Teaching English as a Foreign Language"]),
    ("TESOL certificate", "TESOL", ["TESOL certification", "Teaching English to Speakers of Other Languages"]),
    ("CELTA", None, ["CELTA certificate"]),
    ("Child Development Associate", None, ["CDA credential"]),
    ("Commercial Driver's License", "CDL", [
        "Commercial Drivers License", "Class A CDL", "CDL Class A", "Class B CDL", "CDL Class B",
        "commercial driving licence", "CDL-A", "CDL-B"]),
    ("HAZMAT endorsement", None, ["hazmat endorsement", "tanker endorsement"]),
    ("Transportation Worker Identification Credential", "TWIC", ["TWIC card"]),
    ("driver's license", None, ["drivers license", "driving licence", "driving license", "valid driver's license"]),
    ("forklift certification", None, ["forklift license", "forklift licence", "forklift certified"]),
    ("OSHA 10", None, ["OSHA 10-hour", "OSHA 10 certification"]),
    ("OSHA 30", None, ["OSHA 30-hour", "OSHA 30 certification"]),
    ("NEBOSH certificate", "NEBOSH", ["NEBOSH General Certificate"]),
    ("IOSH Managing Safely", "IOSH", []),
    ("Certified Safety Professional", None, []),
    ("ServSafe", None, ["ServSafe certification", "ServSafe Food Handler", "ServSafe Manager"]),
    ("food handler certification", None, ["food handler's card", "food handlers card", "food handler certificate"]),
    ("Certified Welding Inspector", "CWI", []),
    ("welding certification", None, ["certified welder", "AWS D1.1 certification"]),
    ("journeyman license", None, ["journeyman electrician license", "journeyman licence"]),
    ("master electrician license", None, []),
    ("EPA Section 608 certification", None, ["EPA 608", "EPA 608 certification", "EPA Universal certification", "EPA Section 608 Universal Certification", "EPA 608 Universal certification", "EPA Section 608"]),
    ("NATE certification", None, ["NATE certified"]),
    ("ASE certification", None, ["ASE certified", "ASE Master Technician"]),
    ("Professional Engineer license", None, ["PE license", "licensed Professional Engineer"]),
    ("Engineer in Training", "EIT", ["Fundamentals of Engineering exam", "FE exam"]),
    ("LEED Accredited Professional", None, ["LEED AP", "LEED Green Associate"]),
    ("Certified Energy Manager", "CEM", []),
    ("Certified Meeting Professional", "CMP", []),
    ("Certified Administrative Professional", "CAP", []),
    ("lifeguard certification", None, ["lifeguard certified"]),
    ("security clearance", None, ["Secret clearance", "Top Secret clearance", "TS/SCI", "TS/SCI clearance"]),
]

# Spoken languages (hand list; ESCO's language knowledge labels are added).
LANGUAGES = {
    "English": [], "Spanish": ["Castilian"], "French": [], "German": [],
    "Mandarin": ["Mandarin Chinese", "Chinese", "Putonghua"], "Cantonese": [], "Japanese": [],
    "Korean": [], "Arabic": [], "Portuguese": ["Brazilian Portuguese"], "Italian": [], "Russian": [],
    "Hindi": [], "Bengali": ["Bangla"], "Urdu": [], "Punjabi": [], "Tamil": [], "Telugu": [],
    "Marathi": [], "Gujarati": [], "Kannada": [], "Malayalam": [], "Vietnamese": [], "Thai": [],
    "Tagalog": ["Filipino"], "Indonesian": ["Bahasa Indonesia"], "Malay": ["Bahasa Melayu"],
    "Turkish": [], "Persian": ["Farsi"], "Polish": [], "Ukrainian": [], "Dutch": ["Flemish"],
    "Swedish": [], "Norwegian": [], "Danish": [], "Finnish": [], "Greek": [], "Hebrew": [],
    "Czech": [], "Slovak": [], "Hungarian": [], "Romanian": [], "Bulgarian": [], "Serbian": [],
    "Croatian": [], "Bosnian": [], "Slovenian": [], "Albanian": [], "Swahili": ["Kiswahili"],
    "Amharic": [], "Somali": [], "Haitian Creole": [], "Yoruba": [], "Igbo": [], "Hausa": [],
    "Zulu": [], "Afrikaans": [], "Catalan": [], "Basque": [], "Welsh": [], "Irish": ["Irish Gaelic"],
    "Icelandic": [], "Estonian": [], "Latvian": [], "Lithuanian": [], "Armenian": [],
    "Georgian": [], "Kazakh": [], "Uzbek": [], "Nepali": [], "Sinhala": [], "Khmer": [], "Lao": [],
    "Burmese": [], "Pashto": [], "Dari": [], "Kurdish": [], "Hmong": [], "Maltese": [],
    "Latin": [], "Yiddish": [],
    "American Sign Language": ["ASL"], "British Sign Language": ["BSL"], "sign language": [],
}

# Language names that are also ordinary words.
LANGUAGE_WORDS = {"polish", "dari", "lao"}

# Tech concepts resumes and postings name that the sources lack. Ours.
TECH_EXTRA = [
    # acronyms the taxonomies keep apart from their full terms: one concept
    # ("ML" and "machine learning" are one skill); before the O*NET products
    # so that "ERP" is not SAP ERP's alone
    ("machine learning", "ML", []),
    ("artificial intelligence", "AI", []),
    ("business intelligence", "BI", []),
    ("Enterprise resource planning", "ERP", ["ERP systems"]),
    ("Internet of Things", "IoT", []),
    ("software as a service", "SaaS", []),
    ("extract, transform, load", "ETL", ["extract transform load"]),
    ("software development life cycle", "SDLC", ["software development lifecycle"]),
    ("user experience", "UX", []),
    ("design patterns", None, ["software design patterns"]),
    ("relational databases", None, ["relational database", "RDBMS", "relational database management system"]),
    ("test-driven development", "TDD", []),
    ("behavior-driven development", "BDD", ["behaviour-driven development"]),
    ("object-oriented programming", "OOP", ["object-oriented design", "OOD"]),
    ("Java Platform, Enterprise Edition", None, ["Java EE", "J2EE", "Jakarta EE", "Java Enterprise Edition", "JEE"]),
    ("Spring MVC", None, []),
    ("Java Persistence API", "JPA", ["Jakarta Persistence"]),
    ("Hibernate", None, ["Hibernate ORM"]),
    ("microservices", None, ["microservice architecture", "microservices architecture"]),
    ("RESTful APIs", None, ["REST APIs", "RESTful web services", "RESTful services", "REST API"]),
    ("continuous integration", "CI", ["continuous delivery", "CI/CD", "continuous deployment"]),
    ("Agile", None, ["agile methodology", "agile methodologies", "agile development", "agile software development"]),
    ("Scrum", None, ["Scrum methodology"]),
    ("Kanban", None, []),
    ("unit testing", None, ["unit tests"]),
    ("version control", None, ["source control", "version control systems"]),
    ("data structures", None, ["data structures and algorithms"]),
    ("Epic Systems", None, ["Epic", "Epic EHR", "EpicCare", "Epic Systems software"]),
    ("Microsoft Excel", None, ["Excel", "MS Excel"]),
    ("containerization", None, ["containerisation", "application containerization"]),
    ("system administration", None, ["systems administration", "sysadmin"]),
    # software and infrastructure concepts postings name that ESCO and
    # O*NET lack or word as a product line ("Microsoft Active Directory")
    ("TCP/IP", None, ["TCP/IP networking", "TCP/IP protocols"]),
    ("Ethernet", None, []),
    ("inter-process communication", "IPC", ["interprocess communication"]),
    ("symmetric multiprocessing", "SMP", []),
    ("shared memory", None, []),
    ("computer architecture", None, []),
    ("operating system internals", None, ["OS internals"]),
    ("device drivers", None, ["device driver development", "driver development"]),
    ("Linux kernel", None, ["Linux kernel development", "kernel development"]),
    ("distributed systems", None, ["distributed computing"]),
    ("software architecture", None, ["application architecture"]),
    ("system design", None, ["systems design"]),
    ("code review", None, ["code reviews", "peer code review"]),
    ("coding standards", None, ["coding conventions"]),
    ("design documentation", None, ["design documents", "technical design documents"]),
    ("user stories", None, ["user story"]),
    ("data pipelines", None, ["data pipeline"]),
    ("feature engineering", None, []),
    ("feature stores", None, ["feature store"]),
    ("experiment tracking", None, []),
    ("model training", None, []),
    ("hyperparameter tuning", None, ["hyperparameter optimization"]),
    ("MLOps", None, []),
    ("large language models", "LLM", ["LLMs"]),
    ("prompt engineering", None, []),
    ("retrieval-augmented generation", "RAG", []),
    ("vector databases", None, ["vector database"]),
    ("random forests", None, ["random forest"]),
    ("gradient boosting", None, ["gradient boosted trees"]),
    ("time series analysis", None, ["time series forecasting"]),
    ("predictive modeling", None, ["predictive modelling"]),
    ("unstructured data", None, []),
    ("data governance", None, []),
    ("data quality", None, []),
    ("data migration", None, []),
    ("master data management", "MDM", []),
    ("infrastructure as code", "IaC", []),
    ("cloud infrastructure", None, []),
    ("site reliability engineering", "SRE", []),
    ("incident management", None, ["incident response"]),
    ("on-call", None, ["on-call rotation", "on-call rotations"]),
    ("runbooks", None, ["runbook"]),
    ("postmortems", None, ["post-mortems", "incident postmortems"]),
    ("load balancing", None, ["load balancers"]),
    ("message queues", None, ["message queue", "message queuing"]),
    ("event-driven architecture", None, []),
    ("API design", None, []),
    ("FastAPI", None, []),
    ("Django REST Framework", "DRF", []),
    ("asyncio", None, []),
    ("cross-browser compatibility", None, ["cross-browser testing"]),
    ("web accessibility", None, ["accessibility standards"]),
    ("Web Content Accessibility Guidelines", "WCAG", []),
    ("user acceptance testing", "UAT", []),
    ("test plans", None, ["test plan", "test planning"]),
    ("end-to-end testing", None, ["E2E testing"]),
    ("performance testing", None, ["load testing"]),
    ("vulnerability management", None, []),
    ("identity and access management", "IAM", []),
    ("network security", None, []),
    ("Active Directory", None, []),
    ("Information Technology Infrastructure Library", "ITIL", []),
    ("help desk", None, ["helpdesk", "service desk"]),
    ("technical support", None, []),
    ("desktop support", None, []),
    ("change control", None, []),
    ("release management", None, []),
    ("business continuity", None, ["business continuity planning"]),
    ("backup and recovery", None, ["backup and restore"]),
    ("technical writing", None, []),
    # products postings name without their vendor ("AutoCAD", not
    # "Autodesk AutoCAD"), or that O*NET lacks
    ("AutoCAD", None, ["AutoCAD Civil 3D", "Civil 3D"]),
    ("SPSS", None, ["IBM SPSS", "SPSS Statistics"]),
    ("Stata", None, []),
    ("Simulink", None, []),
    ("Apache Airflow", None, ["Airflow"]),
    ("Ray", None, []),
    ("Dask", None, []),
    ("dbt", None, ["data build tool"]),
    ("Databricks", None, []),
    ("Looker", None, []),
    ("Grafana", None, []),
    ("Datadog", None, []),
    ("GitHub Actions", None, []),
    ("Argo CD", None, ["ArgoCD"]),
    ("Helm", None, ["Helm charts"]),
    ("Istio", None, []),
    ("gRPC", None, []),
    ("LangChain", None, []),
    ("Zendesk", None, []),
    ("Xero", None, []),
    ("Cerner", None, ["Cerner EHR", "Oracle Cerner"]),
    ("PointClickCare", None, []),
    ("Kronos", None, ["UKG Kronos"]),
]

# General words that name a field or an activity: too general to be a
# skill wherever they stand ("security", "the design of"), a skill where a
# posting asks for them as one ("programming skills", "experience in
# testing", "billing, invoicing, collections"). Ours; flag g: the posting
# reader takes them only with such a cue. Aliases after the name.
GENERAL = [
    # a practice a resume lists, not a whole function ("engineering",
    # "planning", "security", "writing" name departments or any work)
    ("programming", []), ("coding", []), ("testing", []), ("networking", []),
    ("databases", ["database"]), ("debugging", []), ("troubleshooting", []),
    ("caching", []), ("indexing", []), ("observability", []), ("multithreading", []),
    ("virtualization", ["virtualisation"]), ("scalability", []), ("automation", []),
    ("validation", []), ("regression", []), ("classification", []), ("benchmarking", []),
    ("instrumentation", []), ("estimation", []), ("billing", []), ("invoicing", []),
    ("purchasing", []), ("inspection", []), ("installation", []), ("teaching", []),
    ("tutoring", []), ("supervision", []), ("negotiation", []), ("staffing", []),
    ("recruitment", ["recruiting"]), ("outreach", []), ("advocacy", []), ("licensing", []),
    ("customer service", []), ("quality assurance", []),
    # ways of working as often as skills ("supporting continuous
    # improvement by investigating alternatives")
    ("continuous improvement", []), ("process improvement", ["process improvements"]),
    ("business processes", []), ("policies and procedures", []),
]

# Common occupational skills in resume wording that ESCO lacks or words
# otherwise. Ours. Flag a (an activity) unless given.
COMMON = [
    # business acronyms with their full terms (one concept)
    ("return on investment", "ROI", []),
    ("service level agreements", "SLA", ["service level agreement"]),
    ("statement of work", "SOW", ["statements of work"]),
    ("request for proposal", "RFP", ["requests for proposal"]),
    ("cost of goods sold", "COGS", []),
    ("profit and loss", "P&L", ["P&L management"]),
    ("Occupational Safety and Health Administration", "OSHA", ["OSHA regulations"]),
    ("accounts payable", "AP", []),
    ("accounts receivable", "AR", []),
    ("general ledger", None, ["general ledger accounting"]),
    ("account reconciliation", None, ["bank reconciliation", "reconciliations"]),
    ("financial reporting", None, ["financial reports"]),
    ("financial analysis", None, []),
    ("financial modeling", None, ["financial modelling"]),
    ("generally accepted accounting principles", "GAAP", ["US GAAP", "U.S. GAAP"]),
    ("International Financial Reporting Standards", "IFRS", []),
    ("payroll", None, ["payroll processing", "payroll administration"]),
    ("bookkeeping", None, ["book-keeping"]),
    ("budgeting", None, ["budget management", "budget planning"]),
    ("forecasting", None, ["financial forecasting"]),
    ("lesson planning", None, ["lesson plans", "lesson plan development"]),
    ("classroom management", None, []),
    ("curriculum development", None, ["curriculum design"]),
    ("differentiated instruction", None, []),
    ("patient care", None, ["direct patient care"]),
    ("medication administration", None, ["administering medication"]),
    ("vital signs", None, ["vital signs monitoring"]),
    ("wound care", None, []),
    ("electronic health records", "EHR", ["electronic medical records", "EMR"]),
    ("HIPAA", None, ["HIPAA compliance", "Health Insurance Portability and Accountability Act"]),
    ("ICD-10", None, ["ICD-10 coding"]),
    ("inventory management", None, ["inventory control"]),
    ("supply chain management", "SCM", []),
    ("vendor management", None, ["supplier management"]),
    ("customer service", None, ["customer support"]),
    ("account management", None, []),
    ("business development", None, []),
    ("lead generation", None, []),
    ("cold calling", None, []),
    ("project management", None, []),
    ("product management", None, []),
    ("program management", None, ["programme management"]),
    ("change management", None, []),
    ("risk management", None, []),
    ("quality assurance", "QA", []),
    ("quality control", "QC", []),
    ("root cause analysis", "RCA", []),
    ("pricing", None, ["pricing strategy"]),
    ("market research", None, []),
    ("digital marketing", None, []),
    ("search engine optimization", "SEO", ["search engine optimisation"]),
    ("social media marketing", None, []),
    ("talent acquisition", None, ["recruiting"]),
    ("onboarding", None, ["employee onboarding"]),
    ("employee relations", None, []),
    ("performance management", None, []),
    ("compensation and benefits", None, ["benefits administration"]),
    ("data entry", None, []),
    ("preventive maintenance", None, ["preventative maintenance"]),
    ("blueprint reading", None, ["reading blueprints", "blueprints"]),
    ("order picking", None, []),
    ("shipping and receiving", None, []),
    ("warehouse management", None, []),
    ("fleet management", None, []),
    ("route planning", None, []),
    ("event planning", None, []),
    ("troubleshooting", None, []),
    # nursing and patient care, as hospital postings word it
    ("phlebotomy", None, ["venipuncture", "blood draws"]),
    ("triage", None, ["patient triage"]),
    ("patient assessment", None, ["patient assessments", "nursing assessment"]),
    ("care planning", None, ["care plans", "nursing care plans"]),
    ("discharge planning", None, []),
    ("patient education", None, ["patient teaching"]),
    ("medication reconciliation", None, []),
    ("IV therapy", None, ["intravenous therapy", "IV insertion", "IV starts"]),
    ("urinary catheterization", None, ["catheterization", "catheter insertion"]),
    ("patient safety", None, []),
    ("medical terminology", None, []),
    ("medical billing", None, []),
    ("medical coding", None, []),
    ("electrocardiogram", "EKG", ["ECG", "12-lead EKG"]),
    # accounting close and reporting
    ("month-end close", None, ["month-end closing", "month end close", "period-end close", "year-end close"]),
    ("journal entries", None, ["journal entry", "adjusting entries"]),
    ("accruals", None, ["accrual accounting"]),
    ("fixed assets", None, ["fixed asset accounting"]),
    ("variance analysis", None, ["budget variance analysis"]),
    ("cash flow forecasting", None, ["cash forecasting"]),
    ("tax preparation", None, ["tax returns"]),
    ("cost accounting", None, []),
    ("audit preparation", None, ["audit support"]),
    # teaching
    ("student engagement", None, []),
    ("special education", None, []),
    ("formative assessment", None, ["formative assessments"]),
    ("parent communication", None, ["parent-teacher communication", "parent conferences"]),
    # sales and customer work
    ("sales forecasting", None, []),
    ("sales prospecting", None, ["prospecting"]),
    ("full sales cycle", None, ["full-cycle sales", "end-to-end sales cycle"]),
    ("quota attainment", None, ["exceeding quota", "quota achievement", "sales quotas", "sales quota"]),
    ("discovery calls", None, []),
    ("product demos", None, ["product demonstrations", "product demo"]),
    ("pipeline management", None, ["sales pipeline management"]),
    ("territory management", None, []),
    ("consultative selling", None, ["solution selling"]),
    ("upselling", None, ["up-selling"]),
    ("complaint resolution", None, ["complaint handling"]),
    ("calendar management", None, []),
    # warehouse, logistics, trades and safety
    ("cycle counting", None, ["cycle counts"]),
    ("order fulfillment", None, ["order fulfilment"]),
    ("RF scanner", None, ["RF scanners", "RF scanning"]),
    ("lockout/tagout", "LOTO", ["lockout tagout"]),
    ("OSHA compliance", None, ["OSHA regulations", "OSHA standards", "OSHA"]),
    ("PLC programming", None, []),
    ("geometric dimensioning and tolerancing", "GD&T", []),
    ("electrical troubleshooting", None, []),
    # people work
    ("human resources information system", "HRIS", ["HRIS systems"]),
    ("employee engagement", None, []),
    ("succession planning", None, []),
    ("workforce planning", None, []),
    ("labor relations", None, ["labour relations"]),
    # analysis and delivery work postings of every kind ask for
    ("requirements gathering", None, ["requirements elicitation", "gathering requirements"]),
    ("performance optimization", None, ["performance tuning", "performance optimisation"]),
    # product and marketing work, as product-manager postings ask for it
    ("product roadmap", None, ["roadmap", "roadmaps", "product roadmaps", "roadmapping"]),
    ("product strategy", None, []),
    ("product positioning", None, ["positioning"]),
    ("product messaging", None, ["messaging and positioning", "positioning and messaging"]),
    ("go-to-market strategy", "GTM", ["go-to-market"]),
    ("competitive analysis", None, ["competitor analysis", "competitive intelligence"]),
    ("product launch", None, ["product launches"]),
    ("beta testing", None, ["beta programs", "beta program"]),
    ("market requirements document", "MRD", []),
    ("product requirements document", "PRD", []),
    ("user research", None, []),
    ("A/B testing", None, ["split testing"]),
    ("key performance indicators", "KPI", ["KPIs"]),
    ("objectives and key results", "OKR", ["OKRs"]),
    # accounting, audit and finance
    ("trial balance", None, ["trial balances"]),
    ("general accounting", None, []),
    ("internal controls", None, ["internal control"]),
    ("internal audit", None, ["internal auditing"]),
    ("auditing standards", None, ["generally accepted auditing standards", "GAGAS"]),
    ("accounting policies", None, ["accounting policy"]),
    ("audit findings", None, []),
    ("financial planning and analysis", "FP&A", []),
    ("due diligence", None, []),
    ("regulatory compliance", None, []),
    ("Kaizen", None, []),
    ("5S", None, []),
    ("standard operating procedures", "SOP", ["SOPs"]),
    ("technical specifications", None, ["technical specification"]),
    ("strategic sourcing", None, []),
    # sales, marketing and customers
    ("B2B sales", None, ["business-to-business sales"]),
    ("sales operations", None, []),
    ("customer success", None, []),
    ("key account management", None, ["key accounts"]),
    ("content strategy", None, []),
    ("content development", None, ["content creation"]),
    ("campaign management", None, []),
    ("marketing analytics", None, []),
    ("thought leadership", None, []),
    # care, teaching, people, trades, logistics
    ("infection control", None, ["infection prevention"]),
    ("care coordination", None, []),
    ("educational technology", None, ["EdTech"]),
    ("background checks", None, ["background check"]),
    ("heating, ventilation and air conditioning", "HVAC", ["HVAC systems"]),
    ("freight forwarding", None, []),
    ("customs clearance", None, []),
    ("proof of delivery", "POD", []),
    # hospitals and clinics
    ("medical-surgical nursing", None, ["med-surg", "medical-surgical", "med/surg"]),
    ("intensive care unit", "ICU", ["critical care"]),
    ("Pyxis", None, ["Pyxis MedStation"]),
    ("Omnicell", None, []),
    ("Joint Commission standards", None, ["Joint Commission", "JCAHO"]),
    ("aseptic technique", None, ["sterile technique"]),
    ("specimen collection", None, []),
    ("dialysis", None, ["hemodialysis"]),
    ("utilization review", None, []),
    ("prior authorization", None, ["prior authorizations"]),
    ("insurance verification", None, []),
    ("revenue cycle management", None, ["revenue cycle"]),
    # schools
    ("Common Core", None, ["Common Core standards"]),
    ("504 plans", None, ["504 plan"]),
    ("behavior management", None, ["behaviour management"]),
    ("English as a second language", "ESL", []),
    ("English language learners", "ELL", []),
    # finance and payroll
    ("Sarbanes-Oxley", "SOX", ["Sarbanes-Oxley compliance", "SOX compliance"]),
    ("tax compliance", None, []),
    ("SAP FICO", None, ["SAP FI/CO"]),
    ("pivot tables", None, ["pivot table"]),
    ("VLOOKUP", None, ["VLOOKUPs", "XLOOKUP"]),
    ("balance sheet reconciliation", None, ["balance sheet reconciliations"]),
    ("cash management", None, []),
    ("treasury management", None, []),
    ("sales tax", None, ["sales and use tax"]),
    ("1099 reporting", None, ["1099s"]),
    ("Paychex", None, []),
    # people and employment law
    ("Fair Labor Standards Act", "FLSA", []),
    ("Family and Medical Leave Act", "FMLA", []),
    ("equal employment opportunity", "EEO", []),
    ("workers' compensation", None, ["workers compensation", "workers comp"]),
    ("employee benefits", None, []),
    ("open enrollment", None, []),
    ("full-cycle recruiting", None, ["full cycle recruiting", "full-cycle recruitment"]),
    # transport and warehouses
    ("DOT regulations", None, ["DOT compliance"]),
    ("hazardous materials", "HAZMAT", ["hazmat"]),
    ("third-party logistics", "3PL", []),
    ("less-than-truckload", "LTL", []),
    ("full truckload", "FTL", []),
    ("freight management", None, []),
    # trades and shops
    ("welding", None, []),
    ("MIG welding", None, ["gas metal arc welding", "GMAW"]),
    ("TIG welding", None, ["gas tungsten arc welding", "GTAW"]),
    ("machining", None, []),
    # stores and food service
    ("cash handling", None, []),
    ("merchandising", None, []),
    ("visual merchandising", None, []),
    ("loss prevention", None, []),
    # product and manufacturing engineering
    ("bill of materials", "BOM", ["bills of materials"]),
    ("engineering change orders", "ECO", ["engineering change order", "engineering change notices"]),
    ("tolerance analysis", None, ["tolerance stack-up analysis", "tolerance stack-ups", "stack-up analysis"]),
    ("Failure mode and effects analysis", "FMEA", ["DFMEA", "PFMEA", "design FMEA", "process FMEA"]),
    ("design reviews", None, ["design review"]),
    ("prototyping", None, ["prototype development", "prototype builds"]),
    ("engineering drawings", None, ["2D drawings", "technical drawings"]),
    ("sheet metal fabrication", None, ["sheet metal"]),
    # electrical and maintenance trades
    ("electrical schematics", None, ["schematics", "electrical drawings"]),
    ("NFPA 70E", None, ["NFPA 70E compliance"]),
    ("arc flash safety", None, ["arc flash"]),
    ("motor controls", None, ["motor control"]),
    ("three-phase power", None, ["three-phase", "3-phase power"]),
    ("conduit installation", None, ["conduit bending"]),
    ("low voltage wiring", None, ["low-voltage wiring"]),
    ("work order management", None, ["work orders"]),
    # shipping, customs and freight
    ("bills of lading", "BOL", ["bill of lading"]),
    ("Incoterms", None, []),
    ("customs documentation", None, ["customs paperwork"]),
    ("import/export compliance", None, ["import and export compliance", "export compliance", "import compliance"]),
    ("freight audit", None, ["freight auditing", "freight invoice auditing"]),
    ("carrier management", None, ["carrier relations"]),
    ("packing lists", None, ["packing list"]),
    # contact centres and customer support
    ("call center", None, ["call centre", "contact center", "contact centre"]),
    ("ticketing systems", None, ["ticketing system"]),
    ("first call resolution", "FCR", ["first contact resolution"]),
    ("average handle time", "AHT", []),
    ("escalation management", None, ["escalations"]),
    ("order processing", None, []),
    ("inbound calls", None, ["inbound call handling"]),
    # people work
    ("workplace investigations", None, ["employee investigations"]),
    ("leave administration", None, ["leave of absence", "leaves of absence", "leave management"]),
    ("new hire orientation", None, ["new employee orientation"]),
    ("HR policies", None, ["human resources policies"]),
    ("exit interviews", None, []),
    ("candidate screening", None, ["resume screening", "applicant screening"]),
    ("EEO-1 reporting", None, ["EEO-1"]),
    ("compensation analysis", None, ["compensation reviews", "compensation review"]),
    # selling and marketing
    ("contract negotiation", None, ["contract negotiations", "negotiating contracts"]),
    ("inside sales", None, []),
    ("social media management", None, ["social media"]),
    ("marketing automation", None, ["marketing automation platforms"]),
    ("trade shows", None, ["trade show", "tradeshows"]),
    ("webinars", None, ["webinar"]),
    ("Marketo", None, []),
    ("Pardot", None, ["Salesforce Pardot"]),
    # offices
    ("travel arrangements", None, ["travel coordination", "travel booking"]),
    ("meeting minutes", None, ["minute taking", "taking minutes"]),
    ("expense reports", None, ["expense reporting"]),
    ("office management", None, ["office administration"]),
    # pharmacies and claims
    ("prescription processing", None, ["processing prescriptions", "prescription entry"]),
    ("medication dispensing", None, ["dispensing medications"]),
    ("insurance claims", None, ["insurance claims processing", "claims processing"]),
    ("sterile compounding", None, []),
    # law offices
    ("legal drafting", None, ["drafting legal documents", "drafting pleadings"]),
    ("pleadings", None, ["pleading"]),
    ("discovery requests", None, ["discovery responses", "written discovery"]),
    ("deposition summaries", None, ["deposition summary", "summarizing depositions"]),
    ("trial preparation", None, ["trial binders", "trial prep"]),
    ("e-filing", None, ["electronic filing", "efiling", "court e-filing"]),
    ("docketing", None, ["docket management", "court deadlines"]),
    ("civil procedure", None, ["rules of civil procedure"]),
    # kitchens
    ("knife skills", None, []),
    ("food preparation", None, ["food prep"]),
    ("grilling", None, []),
    ("sauteing", None, ["sautéing"]),
    ("deep frying", None, []),
    # drivers
    ("pre-trip inspections", None, ["pre-trip inspection", "post-trip inspections", "post-trip inspection", "vehicle inspections"]),
    ("hours of service", "HOS", ["hours-of-service"]),
    ("cargo securement", None, ["load securement", "securing cargo"]),
    ("tractor-trailer", None, ["tractor trailer", "tractor-trailers"]),
    ("Driver Vehicle Inspection Reports", "DVIR", ["DVIRs", "Driver Vehicle Inspection Report"]),
    ("clean driving record", None, ["safe driving record"]),
    # behavioral health
    ("biopsychosocial assessments", None, ["biopsychosocial assessment", "psychosocial assessments", "psychosocial assessment"]),
    ("treatment planning", None, ["treatment plans", "treatment plan", "individualized treatment plans"]),
    ("individual therapy", None, ["individual counseling"]),
    ("suicide risk assessment", None, ["suicide risk assessments", "suicide assessment"]),
    ("substance use disorders", "SUD", ["substance use disorder", "substance abuse", "substance abuse treatment"]),
    # dental offices
    ("dental prophylaxis", None, ["prophylaxis", "dental cleanings"]),
    ("scaling and root planing", "SRP", ["root planing"]),
    ("dental radiography", None, ["dental radiographs", "dental X-rays", "radiographs", "bitewings"]),
    ("periodontal charting", None, ["perio charting"]),
    ("dental sealants", None, ["sealants"]),
    ("fluoride treatments", None, ["fluoride varnish", "fluoride application"]),
    ("local anesthesia", None, ["local anaesthesia", "local anesthetic"]),
    ("oral hygiene instruction", None, ["oral hygiene education", "oral hygiene"]),
    ("Dentrix", None, []),
    ("Eaglesoft", None, []),
    # stores
    ("planograms", None, ["planogram", "planogram compliance"]),
    ("shrink reduction", None, ["shrink control", "shrinkage control", "inventory shrink"]),
    ("labor budgeting", None, ["labor budget", "labour budget", "labor budgets"]),
    # construction
    ("preconstruction", None, ["pre-construction", "preconstruction services"]),
    ("project closeout", None, ["closeout", "project close-out"]),
    ("submittals", None, ["submittal review", "submittal"]),
    ("requests for information", "RFI", ["request for information", "RFIs"]),
    ("change orders", None, ["change order", "change order management"]),
    ("pay applications", None, ["pay application"]),
    ("bid packages", None, ["bid package"]),
    ("subcontractor management", None, ["subcontractor coordination", "managing subcontractors"]),
    ("construction drawings", None, ["construction documents"]),
    ("cost forecasting", None, []),
    ("site safety", None, ["jobsite safety", "job site safety", "construction site safety"]),
    ("Primavera P6", None, ["Primavera", "Oracle Primavera P6"]),
    ("Bluebeam", None, ["Bluebeam Revu"]),
    # heating and cooling
    ("heat pumps", None, ["heat pump"]),
    ("boilers", None, ["boiler"]),
    ("furnaces", None, ["furnace"]),
    ("ductwork", None, ["duct work", "ductwork installation"]),
    ("refrigerant recovery", None, ["refrigerant handling"]),
    ("thermostats", None, ["thermostat"]),
    ("manifold gauges", None, ["manifold gauge"]),
    # clinics and therapy
    ("athenahealth", None, ["athenaOne", "athenaClinicals"]),
    ("dry needling", None, []),
    ("therapeutic exercise", None, ["therapeutic exercises"]),
    ("plan of care", None, ["plans of care"]),
    ("home exercise programs", "HEP", ["home exercise program"]),
    # banks
    ("cash drawer balancing", None, ["cash drawer", "balancing cash drawers"]),
    ("fraud prevention", None, ["fraud detection and prevention"]),
]

# Linguist languages far more often ordinary words in a posting.
LINGUIST_DROP = {
    "Red", "Reason", "Source", "J", "V", "D", "LESS", "Crystal", "Scheme", "Assembly", "Scratch",
    "Just", "Arc", "Max", "Ring", "Sway", "Teal", "FLUX", "DM", "ZAP", "Odin", "Sage", "Nim",
}

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
    "negotiation": [],
    "customer focus": ["customer orientation"],
    "decision making": ["decision-making"],
}

# Forms never taken as a skill on their own: too general to mean one.
STOP = {
    "software", "data", "web", "cloud", "code", "design", "development", "email", "online",
    "internet", "database", "system", "systems", "network", "project", "office", "team",
    "it", "go to", "learning", "english", "world", "time", "management", "information",
    "etc", "node", "experiment", "experiments", "workspace", "ownership", "act", "health",
    "support", "work", "people", "quality", "service", "services", "safety", "security",
    "testing", "training", "planning", "reporting", "cleaning", "processing", "monitoring",
    "building", "writing", "reading", "recording", "learning", "teaching", "operations",
    "operation", "administration", "maintenance", "analysis", "research", "production",
    "sales", "marketing", "care", "engineering", "technology", "business", "finance",
    "communications", "media", "energy", "history", "logic", "spelling", "grammar", "betting",
    "boxing", "prayer", "consultation", "migration", "electricity", "literature", "hair",
    "protein", "obesity", "pregnancy", "autism", "allergies", "dies", "bristles", "wildlife",
    "livestock", "petroleum", "explosives", "medicines", "cameras", "sensors", "lasers",
    "patents", "securities", "ethics", "politics", "morality", "football", "tennis", "golf",
    "ski", "snowboard", "crafting", "coining", "logging", "scheduling", "packaging",
    "ordering", "handling", "shipping", "selling", "buying", "lending", "purchasing",
    "inspection", "installation", "assembly", "construction", "transport", "transportation",
    "delivery", "control", "repair", "repairs", "organisation", "organization", "evaluation",
    "assessment", "supervision", "coordination", "documentation", "communication skills",
    "customer", "customers", "clients", "patients", "students", "staff", "employees",
    "technical", "digital", "computer", "computers", "programming", "coding", "editing",
    "drawing", "painting", "printing", "cutting", "mixing", "cooking", "driving", "lifting",
    "filing", "typing", "accounts", "finances", "budget", "budgets", "inventory", "records",
    "reports", "equipment", "tools", "machines", "machinery", "vehicles", "materials",
    "products", "documents", "policy", "policies", "procedures", "regulations", "standards",
    "compliance", "law", "legislation", "strategy", "strategies", "planning skills",
    "innovation", "excellence", "performance", "efficiency", "productivity", "growth",
    "change", "process", "processes", "practice", "practices", "operating", "analytics",
    "language", "languages", "skills", "knowledge",
    "experience", "ability", "basic", "advanced", "fluency", "reasoning", "thinking",
    "attention", "listening", "speaking", "manners", "respect", "patience", "ambition",
    "responsibility", "accountability", "integrity", "honesty", "reliability", "curiosity",
    "motivation", "initiative", "resilience", "flexibility", "empathy", "leadership skills",
    "presentation", "verification", "navigation", "correspondence", "posting", "addressing",
    "make", "fish", "coffee", "dance", "studies", "elementary", "information", "application",
    "production", "construction", "education", "instruction", "operation", "regulation",
    "collection", "selection", "preparation", "protection", "prevention", "promotion",
    "distribution", "communication", "organization", "organisation", "coordination",
    "evaluation", "administration", "documentation", "implementation", "integration",
    "investigation", "examination", "inspection", "installation", "transportation",
    "consultation", "interpretation", "identification", "location", "situation", "condition",
    "position", "solution", "question", "function", "section", "station", "nation",
    "attention", "intention", "tension", "vision", "decision", "division", "version",
    "mission", "session", "permission", "revision", "provision", "supervision", "extension",
    "expression", "impression", "discussion", "profession", "conversion", "emission",
    "mapping", "billing", "labeling", "labelling", "scanning", "imaging", "routing",
    "modeling", "modelling", "estimating", "lettering", "packing", "loading", "lighting",
    "mining", "farming", "fishing", "hunting", "sewing", "knitting", "painting", "printing",
    "casting", "forging", "framing", "finishing", "coating", "plating", "filling", "sealing",
    "blending", "brewing", "roasting", "smoking", "grilling", "frying", "boiling",
    "job posting", "job postings", "job description", "job descriptions",
}

# O*NET kinds of software that are no skill ("Web browser software").
ONET_CATEGORY_STOP = {
    "web browser", "internet browser", "electronic mail", "email", "calendar and scheduling",
    "office suite", "operating system", "instant messaging", "internet", "presentation",
    "word processing", "spreadsheet", "document management", "file versioning", "mobile",
    "music or sound editing", "video creation and editing", "graphics or photo imaging",
    "map creation", "data base user interface and query", "desktop communications",
    "filesystem", "network monitoring", "transaction server", "calendar", "voice recognition",
    "sale processing", "sales processing", "application processing", "information presentation",
}

# Everyday English words that formal O*NET and ESCO prose rarely has in
# lowercase: added to the common words (a product or language named so is
# ambiguous: "Just", "Max").
FUNCTION_WORDS = set("""
a about above across after again against all almost alone along already also although
always am among an and another any anybody anyone anything anywhere are around as ask
at away back bad be became because become been before began behind being below best
better between big both but by call came can cannot come could day did different do
does done down during each early easy either else enough even ever every everyone
everything far few find first for found from full get give go going good got great had
has have he her here him his how however i if in into is it its just keep kind know
last late least less let like little long look lot made make many may maybe me might
more most much must my near need never new next nice no none nor not nothing now of
off often old on once one only open or other our out over own part per perhaps place
put quite rather real really right said same saw say see seem seen she should show
since so some something sometimes soon still such sure take than that the their them
then there these they thing think this those though through thus to today together
too took toward try turn two under until up upon us use very want was way we well went
were what when where whether which while who whole why will with within without word
would yes yet you your max arc ring sway teal flux just sage odin nim zap dm
docs doc sheets slides drive forms sites meet chat photos maps earth ads apps app
""".split())

# Product names that are also words, kept (marked ~) though in STOP.
PRODUCT_WORDS = {
    "Excel", "Word", "Outlook", "Access", "Teams", "Project", "Publisher", "BASIC", "Illustrator",
    "Acrobat", "Premiere", "Dynamics", "Canvas", "Blackboard", "Visio", "Epic", "Lightroom",
    "Visual Basic", "Visual Studio", "After Effects", "Dynamics 365", "Power Automate",
    # Apache's: "Spark", "Struts", "Pig" name the product in tech postings
    # (as a clear mention: capitalized, in a list or beside another skill)
    "Spark", "Struts", "Pig",
}

# Lowercase one-word forms kept though common in prose: disciplines.
DISCIPLINES = {
    "accounting", "bookkeeping", "nursing", "welding", "plumbing", "carpentry", "masonry",
    "surgery", "payroll", "budgeting", "forecasting", "auditing", "taxation", "logistics",
    "procurement", "merchandising", "underwriting", "hairdressing", "upholstery", "pharmacology",
    "nutrition", "rehabilitation", "phlebotomy", "radiology", "dentistry", "physiotherapy",
    "midwifery", "economics", "psychology", "sociology", "chemistry", "biology", "physics",
    "geology", "agronomy", "horticulture", "forestry", "cartography", "surveying", "drafting",
    "copywriting", "proofreading", "translation", "interpreting", "photography",
    "videography", "journalism", "telemarketing", "recruitment", "troubleshooting",
    "onboarding", "negotiation", "mentoring", "coaching", "electronics", "robotics",
    "mechatronics", "pneumatics", "hydraulics", "metallurgy", "machining", "soldering",
    "fabrication", "landscaping", "bricklaying", "roofing", "plastering", "tiling", "glazing",
    "catering", "baking", "butchery", "bartending", "housekeeping", "childcare", "eldercare",
    "firefighting", "lifeguarding", "tutoring", "counselling", "counseling", "ergonomics",
    "epidemiology", "toxicology", "immunology", "microbiology", "anatomy", "physiology",
    "pathology", "cardiology", "oncology", "pediatrics", "paediatrics", "geriatrics",
    "obstetrics", "gynecology", "dermatology", "neurology", "psychiatry", "orthopaedics",
    "anaesthesia", "anesthesia", "triage", "algorithms", "cryptography", "blockchain", "resuscitation", "intubation", "defibrillation",
}

# endings of a discipline or trade name ("pharmacology", "welding",
# "encryption", "acupuncture"), for one-word forms an ESCO label gives
DISCIPLINE_ENDING = r"(ology|ics|graphy|metry|therapy|sophy|try|ing|ery|omy|ture|ism|tion|sion)$"

# Two-word forms "common-word + one of these" are too general.
GENERIC_HEADS = {
    "standard", "policy", "procedure", "requirement", "need", "rule", "issue", "problem",
    "goal", "objective", "activity", "task", "duty", "material", "supply", "product",
    "service", "item", "information", "document", "equipment", "tool", "device", "system",
    "process", "practice", "guideline", "principle", "method", "technique", "type",
    "characteristic", "feature", "function", "condition", "situation", "effect", "result",
    "value", "cost", "price", "resource", "environment", "area", "work", "matter", "aspect",
    "level", "measure", "facility",
    "area", "content", "option", "element", "component", "part", "unit", "sector", "field",
    "industry", "market", "place", "site", "person", "people", "user", "group", "member",
    "staff", "worker", "customer", "client", "patient", "student", "child", "visitor",
    "guest", "passenger", "animal", "way", "thing", "use", "purpose", "file", "data",
    "detail", "sheet", "form",
}

# Names and words that are also acronyms: such an acronym is ambiguous.
AMBIGUOUS_WORDS = {
    "san", "ace", "bob", "cat", "art", "ant", "ash", "bat", "bay", "bee", "bill", "cam", "cap",
    "car", "cod", "cot", "cow", "cue", "dam", "dan", "dev", "doc", "dot", "eel", "elk", "elm",
    "emu", "eve", "fan", "fig", "fin", "fox", "gem", "gin", "gum", "ham", "hat", "hay", "hen",
    "hip", "hub", "ice", "ink", "ion", "ivy", "jam", "jar", "jaw", "jet", "jim", "joe", "jon",
    "kay", "ken", "kit", "lab", "lap", "lee", "leo", "lid", "lip", "log", "mac", "mad", "map",
    "max", "may", "mob", "mop", "mud", "mug", "nap", "net", "nut", "oak", "oar", "owl", "pal",
    "pan", "pat", "paw", "pea", "pen", "pet", "pie", "pig", "pin", "pit", "pod", "pop", "pot",
    "pub", "pup", "ram", "rat", "ray", "rib", "rim", "rob", "rod", "ron", "rug", "rum", "sam",
    "saw", "sea", "sid", "sin", "sip", "sky", "sob", "sod", "son", "soy", "spa", "sue", "sum",
    "sun", "tab", "tag", "tan", "tap", "tar", "tea", "ted", "tie", "tim", "tin", "tip", "toe",
    "tom", "ton", "toy", "tub", "van", "vet", "wax", "web", "wig", "win", "yam", "zip", "zoo",
    "cia", "pals", "nurse", "care", "cure", "mars", "nato", "eve", "ada", "ava", "eva", "amy",
    "ann", "kim", "lou", "may", "meg", "ned", "pam", "ray", "tess", "ted", "val", "zoe", "sara",
    "dart", "rest", "soap", "sass", "less", "spark", "swift", "chef", "salt", "flask", "cobol",
    "who", "us", "and", "can", "it", "am", "pm", "ok", "or", "on", "in", "at", "as", "is",
    "be", "do", "go", "no", "so", "to", "up", "we", "me", "my", "he", "hi", "id", "if",
    "of", "oh", "ex", "ax", "ad", "ah", "an", "aw", "ma", "pa", "ye", "yo", "tv", "pc",
    "pe", "pt", "ot", "er", "or", "ed", "el", "ms", "mr", "dr", "st", "co", "ca", "la",
    "ny", "dc", "uk", "eu", "un", "vs", "etc", "all", "any", "are", "has", "was", "way",
    "new", "one", "our", "out", "use", "via", "per", "pro", "sap", "sat", "gap", "fit",
    "hit", "aid", "aim", "air", "bar", "bed", "box", "bus", "cab", "com", "con", "cop",
    "cut", "day", "den", "die", "dig", "dim", "dip", "due", "dye", "ear", "eat", "egg",
    "ego", "end", "era", "eye", "far", "fat", "fee", "few", "fly", "for", "fun", "gas",
    "get", "god", "gut", "guy", "hey", "hog", "hot", "how", "hug", "key", "kid", "lag",
    "law", "lay", "leg", "let", "lie", "lot", "low", "man", "men", "mix", "mom", "nor",
    "not", "now", "odd", "off", "oil", "old", "own", "pay", "pig", "put", "raw", "red",
    "rid", "row", "run", "sad", "say", "see", "set", "she", "shy", "sit", "six", "spy",
    "ten", "the", "tip", "top", "try", "two", "vat", "war", "wet", "why", "won", "yes",
    "yet", "you", "case", "core", "data", "dial", "disc", "edge", "fast", "file", "flow",
    "form", "game", "gear", "grid", "hope", "host", "idea", "item", "kind", "lean", "life",
    "link", "live", "load", "lock", "loop", "mail", "mode", "move", "need", "nice", "note",
    "open", "pace", "pack", "page", "part", "pass", "path", "peak", "pick", "plan", "play",
    "plus", "post", "race", "rate", "real", "ring", "risk", "role", "safe", "save", "scan",
    "seed", "sell", "send", "ship", "shop", "show", "sign", "site", "size", "skip", "slip",
    "snap", "span", "star", "step", "stop", "sure", "swap", "tack", "tape", "task", "team",
    "test", "text", "tool", "tour", "tree", "trip", "true", "tube", "unit", "user", "view",
    "wage", "ward", "warm", "wave", "wear", "well", "wide", "wild", "wind", "wire", "wise",
    "word", "work", "yard", "zone", "jack", "mark", "frank", "bill", "will", "rose", "grace",
    "iris", "aspen", "tuba", "moss", "radius", "cops", "pow", "prince", "minos", "dos", "mos",
    "excel", "illustrator", "blackboard", "canvas", "premiere", "acrobat", "publisher",
    "epic", "slack", "zoom", "box", "notes", "teams", "word", "access", "outlook", "project",
}

# Places never become skills (nor their first words San, Los...).
PLACES = {
    "san", "los", "las", "santa", "saint", "new", "fort", "port", "mount", "lake", "st",
    "francisco", "angeles", "diego", "jose", "antonio", "vegas", "york", "jersey", "orleans",
    "paris", "london", "berlin", "madrid", "rome", "milan", "vienna", "zurich", "geneva",
    "amsterdam", "brussels", "dublin", "lisbon", "prague", "warsaw", "budapest", "athens",
    "stockholm", "oslo", "copenhagen", "helsinki", "moscow", "istanbul", "dubai", "cairo",
    "lagos", "nairobi", "johannesburg", "mumbai", "delhi", "bangalore", "bengaluru",
    "chennai", "hyderabad", "pune", "kolkata", "karachi", "lahore", "dhaka", "singapore",
    "hong kong", "tokyo", "osaka", "seoul", "beijing", "shanghai", "shenzhen", "taipei",
    "manila", "jakarta", "bangkok", "hanoi", "sydney", "melbourne", "brisbane", "perth",
    "auckland", "toronto", "montreal", "vancouver", "ottawa", "calgary", "chicago",
    "houston", "dallas", "austin", "phoenix", "philadelphia", "boston", "seattle", "denver",
    "atlanta", "miami", "detroit", "portland", "washington", "baltimore", "nashville",
    "charlotte", "columbus", "indianapolis", "minneapolis", "pittsburgh", "cleveland",
    "cincinnati", "sacramento", "oakland", "tampa", "orlando", "raleigh", "richmond",
    "mexico", "bogota", "lima", "santiago", "buenos aires", "sao paulo", "rio",
    "america", "usa", "canada", "france", "germany", "spain", "italy", "portugal",
    "netherlands", "belgium", "switzerland", "austria", "ireland", "england", "scotland",
    "wales", "britain", "poland", "sweden", "norway", "denmark", "finland", "russia",
    "ukraine", "turkey", "greece", "egypt", "nigeria", "kenya", "india", "pakistan",
    "bangladesh", "china", "japan", "korea", "vietnam", "thailand", "indonesia",
    "malaysia", "philippines", "australia", "zealand", "brazil", "argentina", "chile",
    "colombia", "peru", "europe", "asia", "africa", "alabama", "alaska", "arizona",
    "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
    "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana",
    "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi",
    "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
    "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "west virginia", "wisconsin",
    "wyoming", "ontario", "quebec", "bavaria", "silicon valley", "bay area",
}

# ---------------------------------------------------------------- ESCO rules

# verb -> nominalization (the object goes first: "manage budgets" ->
# "budget management")
VERB_NOUN = {
    "manage": "management", "administer": "administration", "develop": "development",
    "analyse": "analysis", "analyze": "analysis", "plan": "planning", "prepare": "preparation",
    "operate": "operation", "maintain": "maintenance", "monitor": "monitoring",
    "create": "creation", "design": "design", "assess": "assessment", "install": "installation",
    "write": "writing", "handle": "handling", "identify": "identification",
    "inspect": "inspection", "supervise": "supervision", "teach": "teaching",
    "coordinate": "coordination", "evaluate": "evaluation", "test": "testing",
    "organise": "organisation", "organize": "organization", "promote": "promotion",
    "repair": "repair", "clean": "cleaning", "implement": "implementation",
    "select": "selection", "sell": "sales", "adjust": "adjustment", "assemble": "assembly",
    "interpret": "interpretation", "control": "control", "collect": "collection",
    "report": "reporting", "calculate": "calculation", "measure": "measurement",
    "negotiate": "negotiation", "train": "training", "process": "processing",
    "produce": "production", "examine": "examination", "manufacture": "manufacturing",
    "research": "research", "diagnose": "diagnosis", "estimate": "estimation",
    "treat": "treatment", "review": "review", "integrate": "integration",
    "investigate": "investigation", "compile": "compilation", "forecast": "forecasting",
    "translate": "translation", "draft": "drafting", "schedule": "scheduling",
    "model": "modelling", "purchase": "purchasing", "recruit": "recruitment",
    "program": "programming", "edit": "editing", "calibrate": "calibration",
    "optimise": "optimisation", "optimize": "optimization", "distribute": "distribution",
    "allocate": "allocation", "audit": "auditing", "document": "documentation",
    "coach": "coaching", "counsel": "counselling", "interview": "interviewing",
    "advertise": "advertising", "customise": "customisation", "hire": "hiring",
    "mentor": "mentoring", "market": "marketing", "budget": "budgeting", "invoice": "invoicing",
    "troubleshoot": "troubleshooting", "configure": "configuration", "deploy": "deployment",
    "load": "loading", "pack": "packing", "label": "labelling", "store": "storage",
    "transport": "transportation", "dispose of": "disposal", "facilitate": "facilitation",
    "mediate": "mediation", "conserve": "conservation", "restore": "restoration",
    "preserve": "preservation", "verify": "verification", "weld": "welding", "paint": "painting",
    "cook": "cooking", "bake": "baking", "harvest": "harvesting", "breed": "breeding",
    "lay": "laying", "tune": "tuning", "polish": "polishing", "sew": "sewing", "survey": "surveying",
    "map": "mapping", "appraise": "appraisal", "value": "valuation", "trade": "trading",
    "underwrite": "underwriting", "proofread": "proofreading", "illustrate": "illustration",
    "animate": "animation", "compose": "composition", "keep": "keeping",
    "prescribe": "prescribing", "deliver": "delivery", "order": "ordering",
    "procure": "procurement", "maintain": "maintenance", "construct": "construction",
    "demolish": "demolition", "excavate": "excavation", "drill": "drilling",
    "machine": "machining", "solder": "soldering", "fabricate": "fabrication",
    "recycle": "recycling", "irrigate": "irrigation", "prune": "pruning", "ship": "shipping",
    "care for": "care", "look after": "care", "take care of": "care",
    "resolve": "resolution", "moderate": "moderation", "curate": "curation",
    "photograph": "photography", "film": "filming", "record": "recording",
    "supervise": "supervision", "invest": "investment", "insure": "insurance",
    "finance": "financing", "lend": "lending", "fundraise": "fundraising",
    "campaign": "campaigning", "lobby": "lobbying", "tutor": "tutoring",
}

# verbs dropped when their object is itself an activity or a skill
DROP_VERB = {
    "perform", "conduct", "carry out", "undertake", "execute", "practise", "practice", "do",
    "provide", "apply", "use", "utilise", "utilize", "employ", "implement", "engage in",
    "participate in", "deliver", "administer", "give", "offer", "complete",
}

# the same, for words that are nouns as often as verbs: an alternative label
# starting with one is read as a verb only when it does not end in an activity
NOUN_VERBS = {
    "design", "test", "plan", "schedule", "budget", "process", "control", "report", "record",
    "document", "model", "research", "store", "order", "program", "trade", "interview",
    "label", "screen", "grade", "mark", "map", "survey", "audit", "market", "finish", "place",
    "position", "change", "support", "care", "cut", "dry", "paint", "mix", "feed",
    "transport", "transfer", "train", "present", "coach", "counsel", "lead", "contract",
    "service", "file", "type", "drive", "film", "review", "forecast", "estimate", "supply",
    "ship", "value", "machine", "weld", "finance", "campaign", "lobby", "tutor", "mentor",
    "invoice", "photograph", "harvest", "load", "pack", "drill", "repair", "draft", "edit",
    "project", "benchmark", "budget",
}

PREP = {
    "of", "to", "for", "in", "on", "with", "by", "from", "at", "into", "about", "as", "within",
    "under", "during", "through", "per", "via", "between", "against", "among", "across",
    "over", "after", "before", "around", "without", "upon", "towards", "toward",
    "throughout", "beyond", "like", "according", "regarding", "concerning", "onto", "whilst",
    "following", "including", "involving", "using", "versus",
    "while", "than",
}
PRONOUN = {
    "the", "a", "an", "one's", "their", "his", "her", "its", "your", "our", "my", "own",
    "other", "others", "such", "these", "those", "this", "that", "which", "who", "whom",
    "when", "where", "how", "what", "if", "whether", "etc", "e.g.", "i.e.", "it", "them",
    "they", "you", "he", "she", "we", "something", "someone", "oneself", "themselves",
    "yourself", "each", "every", "all", "any", "some", "various", "several", "both",
    "relevant", "appropriate", "necessary", "different", "specific", "particular", "new",
    "possible", "required", "certain", "given", "proper", "correct", "adequate", "suitable",
    "effective", "effectively", "efficiently", "properly", "safely", "accurately", "well",
    "not", "no", "more", "most", "less", "very", "also", "only", "always",
}
CONJ = {"and", "or", "nor", "but", "&"}

# heads that name an activity or a discipline
ACTIVITY_HEADS = {
    "care", "research", "design", "repair", "repairs", "control", "aid", "sales", "audit",
    "audits", "review", "survey", "delivery", "recovery", "surgery", "dentistry", "carpentry",
    "masonry", "entry", "payroll", "upkeep", "oversight", "follow-up", "advice", "guidance",
    "support", "service", "therapy", "analysis", "diagnosis", "synthesis", "hygiene",
    "law", "legislation", "science", "sciences", "studies", "medicine", "theory",
    "technology", "technologies", "techniques", "methods", "methodology", "practice",
    "practices", "principles", "setup", "assembly", "supply", "procurement",
    "cpr", "first aid", "triage", "craft", "crafts", "art", "arts", "trade", "approval",
    "removal", "disposal", "appraisal", "rental", "referral", "renewal", "retrieval",
    "dispatch", "storage", "brokerage", "haulage", "stowage", "pilotage", "tutorial",
}
ACTIVITY_SUFFIX = re.compile(
    r"(ment|tion|sion|ing|ance|ence|ysis|osis|ology|ologies|ics|graphy|metry|therapy|ship|"
    r"ture|ism|ery|try|ure)$"
)
# nouns that look like activities by their ending but are things
NOT_ACTIVITY = {
    "equipment", "document", "instrument", "element", "garment", "compartment", "apartment",
    "department", "supplement", "sediment", "pigment", "fragment", "segment", "comment",
    "statement", "moment", "basement", "pavement", "environment", "government",
    "requirement", "agreement", "implement", "ornament", "filament", "cement", "monument",
    "sentiment", "argument", "shipment", "consignment", "station", "position", "condition",
    "nation", "ration", "portion", "lotion", "potion", "caution", "solution", "question",
    "section", "institution", "population", "situation", "location", "fraction",
    "information", "specification", "publication", "notation", "vegetation", "ammunition",
    "attention", "intention", "emotion", "motion", "function", "junction", "infection",
    "medication", "prescription", "application", "accommodation", "destination",
    "building", "clothing", "housing", "lighting", "ceiling", "string", "bearing", "thing",
    "ring", "spring", "king", "evening", "morning", "meeting", "offering", "listing",
    "setting", "warning", "opening", "wedding", "pudding", "stuffing", "filling", "bedding",
    "railing", "siding", "padding", "icing", "topping", "casing", "tubing", "coating",
    "coupling", "fitting", "seating", "dwelling", "feeling", "being", "beginning",
    "material", "manual", "animal", "chemical", "signal", "terminal", "capital", "metal",
    "hospital", "vessel", "individual", "principal", "rental", "journal", "portal", "mineral",
    "cereal", "jewellery", "jewelry", "machinery", "battery", "gallery", "pottery", "poultry",
    "pastry", "industry", "registry", "ministry", "pantry", "inventory", "circuitry",
    "category", "factory", "territory", "laboratory", "directory", "history", "country",
    "entry", "furniture", "structure", "culture", "temperature", "literature", "procedure",
    "feature", "mixture", "moisture", "texture", "fixture", "signature", "picture",
    "measure", "pressure", "exposure", "package", "storage", "image", "message", "wage",
    "village", "mileage", "language", "damage", "page", "luggage", "baggage", "cottage",
    "sausage", "beverage", "voltage", "tonnage", "footage", "vintage", "passage",
    "metrics", "graphics", "electronics", "cosmetics", "plastics", "textiles", "ceramics",
    "tactics", "mechanism", "organism", "tourism", "ism", "mechanics", "characteristics",
    "basics", "statistics", "specifics", "topics", "clinics", "relationship",
    "readership", "partnership", "dealership", "sponsorship", "membership", "internship",
    "ownership", "hardship", "dialing", "sibling", "seedling", "duckling",
    "approval", "removal", "renewal", "proposal", "arrival", "survival", "referral",
    "sequence", "evidence", "licence", "license", "sentence", "fence", "presence", "audience",
    "residence", "balance", "appliance", "allowance", "ordinance", "instance", "distance",
    "substance", "entrance", "fragrance", "experience", "province", "nuisance", "conference",
    "preference", "difference", "consequence", "influence", "incidence", "tolerance",
}

# heads of ESCO labels that name no skill ("crime victim needs", "historic
# public speakers")
NOT_SKILL_HEADS = {
    "need", "requirement", "issue", "problem", "limitation", "effect", "characteristic",
    "feature", "aspect", "option", "situation", "condition", "speaker", "artist", "author",
    "composer", "figure", "player", "writer", "people", "person", "thing", "way", "role",
    "responsibility", "right", "obligation", "expectation", "preference", "risk", "hazard",
    "danger", "threat", "trend", "development", "source", "origin", "history", "cause",
    "consequence", "impact", "benefit", "advantage", "disadvantage", "difference",
    "context", "background", "environment", "landscape", "scene", "world", "culture",
    "behaviour", "behavior", "habit", "attitude", "opinion", "view", "perception",
}

# first words of ESCO wrapper labels ("types of ...")
META = {
    "types", "type", "categories", "category", "varieties", "variety", "kinds", "kind",
    "brands", "principles", "principle", "fundamentals", "basics", "characteristics",
    "features", "range", "scope", "content", "aspects", "aims", "concepts", "elements",
    "functions", "functionalities", "specifications", "properties", "components",
    "sources", "forms", "methods", "techniques", "theory", "theories", "field", "domain",
    "area", "areas", "knowledge", "understanding", "use", "uses", "usage", "application",
    "applications", "process", "processes", "set", "sets", "list", "lists", "nature",
}
META_TAIL = {"principles", "concepts", "theories", "theory", "fundamentals", "basics", "techniques", "methods"}

# British -> American spellings: whole words, then endings
US_WORDS = {
    "analyse": "analyze", "analysing": "analyzing", "analysed": "analyzed",
    "catalogue": "catalog", "programme": "program", "programmes": "programs",
    "licence": "license", "licences": "licenses", "defence": "defense", "offence": "offense",
    "ageing": "aging", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "aluminium": "aluminum", "sulphur": "sulfur", "jewellery": "jewelry",
    "manoeuvre": "maneuver", "manoeuvring": "maneuvering", "draught": "draft", "plough": "plow",
    "mould": "mold", "moulding": "molding", "storey": "story", "kerb": "curb", "pyjamas": "pajamas",
    "cheque": "check", "enrolment": "enrollment", "fulfilment": "fulfillment",
    "instalment": "installment", "skilful": "skillful", "practise": "practice",
}
US_ISE = (
    "organis", "optimis", "customis", "prioritis", "utilis", "standardis", "specialis",
    "maximis", "minimis", "recognis", "summaris", "finalis", "harmonis", "authoris",
    "digitis", "sanitis", "sterilis", "mobilis", "visualis", "normalis", "characteris",
    "categoris", "synchronis", "stabilis", "neutralis", "personalis", "localis",
    "industrialis", "commercialis", "computeris", "memoris", "modernis", "realis",
    "hospitalis", "immunis", "anaesthetis", "emphasis", "capitalis", "criticis", "criticis",
    "apologis", "familiaris", "fertilis", "globalis", "hybridis", "initialis", "legalis",
    "monetis", "pasteuris", "penalis", "polaris", "randomis", "rationalis", "socialis",
    "vaporis", "virtualis", "containeris", "tokenis", "serialis", "moisturis", "weatheris",
    "vulcanis", "galvanis", "magnetis", "metallis", "ioni", "oxidis", "crystallis",
    "desensitis", "sensitis", "energis", "equalis", "catalys",
)


def read_tsv(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_csv(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def norm(s):
    return re.sub(r"\s+", " ", s.strip().lower())


IS_PLURALS = {
    "analyses", "diagnoses", "prognoses", "prostheses", "hypotheses", "theses", "syntheses",
    "parentheses", "crises", "emphases", "neuroses", "psychoses", "metastases", "osmoses",
}


def singular(w):
    """Crude singular of an English noun (its last word)."""
    lw = w.lower()
    if len(lw) <= 3 or lw.endswith(("ss", "us", "is", "ics", "ies'")) or lw in {
        "sales", "series", "news", "species", "goods", "premises", "customs", "clothes",
        "means", "staff", "arms", "accounts", "glasses", "scissors", "pliers", "tongs",
        "shears", "tweezers", "forceps", "binoculars", "trousers", "jeans", "overalls",
        "gas", "lens", "bus", "canvas", "chassis", "diabetes", "billiards", "earnings",
        "savings", "lodgings", "surroundings", "electronics", "logistics", "data",
        "proceeds", "headquarters", "crossroads", "barracks", "innings", "odds", "thanks",
        "aids", "ads", "CAS", "GPS", "HVAC", "dos", "kudos", "ethos",
    }:
        return w
    if lw in IS_PLURALS:
        return w[:-2] + "is"
    if lw.endswith("ies") and len(lw) > 4:
        return w[:-3] + "y"
    if lw.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if lw.endswith("oes") and lw not in {"shoes", "canoes"}:
        return w[:-2]
    if lw.endswith("ves") and lw[:-3] in {"kni", "li", "shel", "hal", "lea", "cal", "wol", "thie"}:
        return w[:-3] + ("fe" if lw[:-3] in {"kni", "li"} else "f")
    if lw.endswith("s") and not lw.endswith(("'s", "ss")):
        return w[:-1]
    return w


def stem(w):
    """A crude English stem, enough to see that the matcher (which stems every
    word) takes two forms as one: plural and -ing/-ed forms ("team working" =
    "team work", "processes" = "processing")."""
    if not re.fullmatch(r"[a-z]+", w) or len(w) <= 4:
        return w
    if w.endswith("ies") and len(w) > 5:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and re.search(r"[aeiouy]", w[: -len(suf)]):
            w = w[: -len(suf)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "planning" -> "plan"
            break
    return w.rstrip("e") if len(w) > 4 else w


def key(form):
    """A form as the matcher compares it: lowercase, a hyphen between words as
    a space, every word stemmed."""
    s = form.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)
    toks = re.findall(r"[a-z0-9+#.&/'_]+", s)
    toks = [t.strip(".'/") or t for t in toks]
    toks = [t[:-2] if t.endswith("'s") else t for t in toks if t]
    return " ".join(stem(t) for t in toks)


def us_spelling(form):
    """The American spelling of a British form (or the form itself)."""
    def word(w):
        lw = w.lower()
        if lw in US_WORDS:
            r = US_WORDS[lw]
            return r if w.islower() else r.capitalize() if w[0].isupper() else r
        m = re.match(r"^(.*?)(isation|isations|ise|ises|ised|ising|iser|isers)$", lw)
        if m and (lw.endswith(("isation", "isations")) or lw.startswith(US_ISE)):
            w = w[: len(m.group(1))] + "iz" + w[len(m.group(1)) + 2 :]
        w = re.sub(r"(?<=[a-z])(ae)(?=[a-z])", lambda _: "e", w) if re.search(
            r"(paed|haem|anaes|orthopaed|gynaec|oesoph|foet|caes|aeti|leukaem|anaem|ischaem)", lw
        ) else w
        w = re.sub(r"oes(?=oph)", "es", w)
        w = re.sub(r"(?<=[a-z])our(s?)$", r"or\1", w) if lw.rstrip("s").endswith(
            ("colour", "behaviour", "labour", "favour", "honour", "harbour", "neighbour", "odour",
             "vapour", "rumour", "tumour", "flavour", "humour", "endeavour", "vigour", "armour",
             "parlour", "saviour")) else w
        w = re.sub(r"(?<=[a-z])(tre|tres)$", lambda m: "ter" + ("s" if m.group(1).endswith("s") else ""), w) if lw.rstrip("s").endswith(
            ("centre", "metre", "litre", "theatre", "fibre", "calibre", "sabre", "spectre", "lustre",
             "meagre", "sombre", "ochre")) else w
        w = re.sub(r"(?<=[aeiou])(ll)(ing|ed|er|ers)$", r"l\2", w) if lw.endswith(
            ("elling", "elled", "eller", "ellers", "alling", "alled")) and lw[:-5] not in {"sp", "sm", "t", "f", "qu", "sh", "b", "c", "d", "k", "w", "y", "dw", "sw", "ex", "rep", "prop", "comp", "exp", "st", "c", "h", "m", "p"} and not lw.startswith(("sell", "tell", "fell", "well", "smell", "spell", "dwell", "swell", "quell", "shell", "call", "fall", "hall", "wall", "stall", "install", "befall", "recall", "enthrall", "instal", "compell", "propell", "expell", "repell", "excell", "yell", "bell", "cell", "jell", "knell", "dispell")) else w
        return w
    return re.sub(r"[A-Za-z]+", lambda m: word(m.group(0)), form)


def prose_counts():
    """How often each word appears in ordinary prose, in lowercase and not
    first in its sentence: O*NET occupation descriptions and task statements,
    ESCO occupation and ISCO group descriptions and ESCO collection
    descriptions. Read only to judge words; never copied out."""
    texts = [r["Description"] for r in read_tsv(TAX / "onet-29.2" / "Occupation_Data.txt")]
    texts += [r["Task"] for r in read_tsv(TAX / "onet-30" / "Task_Statements.txt")]
    texts += [r["description"] for r in read_csv(TAX / "esco" / "occupations_en.csv")]
    texts += [r["description"] for r in read_csv(TAX / "esco" / "ISCOGroups_en.csv")]
    for f in ["digitalSkillsCollection_en.csv", "transversalSkillsCollection_en.csv"]:
        texts += [r["description"] for r in read_csv(TAX / "esco-1.2-collections" / f)]
    seen = Counter()
    for t in texts:
        for sent in re.split(r"[.!?;:]\s+|\n", t):
            for i, w in enumerate(re.findall(r"[A-Za-z]+", sent)):
                if i > 0 and w.islower():
                    seen[w] += 1
    return seen


def is_acronym(short, long):
    letters = [c.lower() for c in short if c.isalpha()]
    ws = [w.lower() for w in re.findall(r"[A-Za-z]+", long)]
    ws = [w for w in ws if w not in ("and", "of", "the", "for", "as", "a", "an", "to", "in", "on")]
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


def looks_acronym(w):
    return re.fullmatch(r"[A-Z][A-Z0-9&+-]{1,9}", w) is not None and sum(c.isalpha() for c in w) >= 2


class Lexicon:
    def __init__(self, prose):
        self.entries = []  # dicts: name, acronym, aliases(list), flags(set), src
        self.by_key = {}
        self.prose = prose
        self.common = {w for w, n in prose.items() if n >= 2}
        self.dropped = Counter()  # why forms were refused
        self.vocab = Counter()  # words of all labels and prose, for the typo check
        self.check_typos = False
        self.by_prefix = defaultdict(list)
        self.discipline_ok = set()  # one-word names a source gives as a skill
        self.stems = Counter()
        self.english = set()  # words of ordinary prose and of ESCO labels
        self.keep_spellings = False  # see claim()

    # -- form checks ------------------------------------------------------
    def typo(self, form):
        """A word that no other label or text has, close to one that many
        have: a typo in a source label ("data gavering", "fingerspeling")."""
        if not self.check_typos:
            return False
        if not self.by_prefix:
            for w, n in self.vocab.items():
                self.stems[stem(w)] += n
            for w, n in self.vocab.items():
                if n >= 3 and len(w) >= 4:
                    self.by_prefix[w[:2]].append(w)
        for w in re.findall(r"\b[a-z]{5,}\b", form):
            if self.vocab.get(w, 0) >= 2 or self.stems.get(stem(w), 0) >= 2:
                continue
            near = difflib.get_close_matches(w, self.by_prefix.get(w[:2], []), n=1, cutoff=0.84)
            if near and stem(near[0]) != stem(w) and us_spelling(w) != near[0] and us_spelling(near[0]) != w:
                return True
        return False

    def frequent(self, w):
        return self.prose.get(w.lower(), 0) >= COMMON_MIN

    def bad_form(self, form, discipline_ok=()):
        discipline_ok = discipline_ok or self.discipline_ok
        """Why a form is not taken as a skill (None if it is fine)."""
        f = form.strip()
        k = key(f)
        if not k or len(f) > 60:
            return "empty"
        n = norm(f)
        if (n in STOP or singular(n) in STOP) and f not in PRODUCT_WORDS:
            return "stop"
        if (n in PLACES or singular(n) in PLACES) and not looks_acronym(f):
            return "place"
        if self.typo(f):
            return "typo"
        if re.fullmatch(r"[A-Za-z]+\+", f):
            return "word+"  # "Network+": the matcher reads it as "network"
        ws = f.split()
        if len(ws) == 1:
            w = ws[0]
            if len(w) < 2 and w not in ("C", "R"):
                return "short"
            if w.islower() and re.fullmatch(r"[a-z]+(-[a-z]+)?", w):
                if w in DISCIPLINES or w in SINGLE_TOOLS:
                    return None
                if self.frequent(w) or self.frequent(singular(w)):
                    if w in discipline_ok and re.search(DISCIPLINE_ENDING, w):
                        return None
                    return "common word"
        elif len(ws) == 2 and f.islower():
            head = singular(ws[1].lower())
            if head in GENERIC_HEADS and (self.frequent(ws[0]) or ws[0] in GENERIC_HEADS):
                return "generic phrase"
            if all(w in STOP for w in (ws[0], ws[1])) and ws[0].endswith("ing"):
                # "ordering vehicles", "teaching dance": a verb and its
                # object; "data analysis", "project management" are names
                return "generic phrase"
        return None

    # -- entries ----------------------------------------------------------
    def by_form_names(self):
        for e in self.entries:
            yield e["name"]
            if e["acronym"]:
                yield e["acronym"]
            yield from e["aliases"]

    def find(self, forms):
        for f in forms:
            e = self.by_key.get(key(f))
            if e is not None:
                return e
        return None

    def claim(self, e, form, as_acronym=False):
        k = key(form)
        if k in self.by_key:
            # a hand list's spelling that the key makes the same as its
            # name ("lesson plans" for lesson planning) is still written
            # out: the posting reader takes a name's inflections, not the
            # words sharing its stem
            if (self.keep_spellings and self.by_key[k] is e and not as_acronym
                    and norm(form) != norm(e["name"]) and form not in e["aliases"]):
                e["aliases"].append(form)
            return False
        self.by_key[k] = e
        if as_acronym and not e["acronym"]:
            e["acronym"] = form
        elif norm(form) != norm(e["name"]):
            e["aliases"].append(form)
        return True

    def extend(self, e, forms, max_aliases=None, discipline_ok=()):
        """More forms for entry e (those no other entry has)."""
        n = 0
        for f in forms:
            if max_aliases is not None and n >= max_aliases:
                break
            why = self.bad_form(f, discipline_ok)
            if why:
                self.dropped[why] += 1
            else:
                n += self.claim(e, f)

    def add(self, name, acronym=None, aliases=(), flags=(), src="", create=True, merge=True,
            check=True, max_aliases=None, discipline_ok=()):
        """Add a concept: a new entry named `name`, or, if `name` (or, when
        `merge` is "any", any of its forms) already belongs to an entry, merged
        into that entry. Forms another entry has are left to it."""
        forms = [name] + ([acronym] if acronym else []) + list(aliases)
        forms = [re.sub(r"\s+", " ", f).strip() for f in forms if f and f.strip()]
        if check:
            ok = []
            for f in forms:
                why = self.bad_form(f, discipline_ok)
                if why:
                    self.dropped[why] += 1
                else:
                    ok.append(f)
            forms = ok
        if not forms:
            return None
        acronym = acronym if acronym in forms else None
        e = None
        if merge:
            e = self.find(forms if merge == "any" else merge if isinstance(merge, list) else forms[:1])
        if e is None:
            if not create:
                return None
            name = next((f for f in forms if self.by_key.get(key(f)) is None and f != acronym), None)
            if name is None:
                return None
            e = {"name": name, "acronym": None, "aliases": [], "flags": set(), "src": src}
            self.entries.append(e)
            self.by_key[key(name)] = e
        n = 0
        for f in forms:
            if f == acronym:
                self.claim(e, f, as_acronym=True)
            elif max_aliases is None or n < max_aliases:
                n += self.claim(e, f)
        e["flags"].update(flags)
        return e


# ---------------------------------------------------------------- O*NET

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
    for v in VENDORS:
        if name.startswith(v + " ") and len(name) > len(v) + 1:
            rest = name[len(v) + 1 :]
            if v == "Amazon Web Services AWS":
                aliases.append("AWS " + rest)
                name = "Amazon Web Services " + rest
            aliases.append(rest)
            break
    return name, acronym, aliases


def tool_forms(raw, proper):
    """Name, acronym and aliases of an O*NET tool such as 'Forklifts',
    'Automated external defibrillators AED' or 'Metal inert gas MIG welders':
    singular, the acronym split out ('MIG welder' an alias)."""
    ws = raw.split()
    acronym, aliases = None, []
    for i, w in enumerate(ws):
        if i >= 2 and looks_acronym(w.rstrip("s")) and is_acronym(w.rstrip("s"), " ".join(ws[:i])):
            # find where the expansion starts
            a = w.rstrip("s") if not w.endswith("S") else w
            for j in range(i - 1, -1, -1):
                if is_acronym(a, " ".join(ws[j:i])):
                    head, expansion, tail = ws[:j], ws[j:i], ws[i + 1 :]
                    full = head + expansion + tail
                    short = head + [a] + tail
                    if tail:
                        aliases.append(" ".join(short))
                    else:
                        acronym = a
                    ws = full
                    break
            break
    if ws:
        ws[-1] = singular(ws[-1])
    name = " ".join(ws)
    name = name[0].upper() + name[1:] if name else name
    aliases = [a[:-1] if a.endswith("s") and not a.endswith("ss") else a for a in aliases]
    # O*NET capitalizes the first word: lowercase it unless it is a name
    # (a word that tool names write capitalized elsewhere: Doppler, Phillips)
    first = name.split()[0]
    if re.fullmatch(r"[A-Z][a-z'-]*", first) and first not in proper:
        name = name[0].lower() + name[1:]
        aliases = [a[0].lower() + a[1:] if a.split()[0] == first else a for a in aliases]
    return name, acronym, aliases

# UNSPSC segments of tools a resume lists as operated: construction and
# mining machinery, industrial machinery, material handling, vehicles,
# lab and measuring instruments, medical equipment, point of sale, food
# service machinery, electrical and power, fluid machinery, printing and A/V.
TOOL_SEGMENTS = {"20", "21", "22", "23", "24", "25", "26", "32", "40", "41", "42", "44", "45", "48"}
# kept even when only one occupation names them
TOOL_CORE = {"22", "23", "24", "42", "44"}
TOOL_MODIFIERS = {
    "electronic", "digital", "portable", "automatic", "automated", "manual", "electric",
    "industrial", "commercial", "handheld", "hand-held", "mobile", "heavy-duty", "standard",
    "professional", "powered", "power", "computerized", "computerised", "stationary",
}
# one-word tools kept though common words
SINGLE_TOOLS = {"forklift", "crane", "lathe", "backhoe", "excavator", "bulldozer", "oscilloscope", "multimeter"}
# head nouns of equipment a resume lists as operated ("forklift", "pallet
# jack", "infusion pump", "MIG welder"); other tools (hand tools, supplies,
# furniture, instruments handed to someone) are not taken
TOOL_HEADS = {
    "forklift", "jack", "truck", "lift", "loader", "crane", "excavator", "backhoe", "bulldozer",
    "register", "pump", "defibrillator", "ventilator", "oximeter", "oscilloscope",
    "multimeter", "spectrometer", "spectrophotometer", "chromatograph", "microscope",
    "centrifuge", "analyzer", "analyser", "welder", "lathe", "press", "router", "grader",
    "paver", "trencher", "roller", "compactor", "skid steer", "machine", "autoclave",
    "electrocardiograph", "sphygmomanometer", "glucometer", "nebulizer", "incubator",
    "cytometer", "sequencer", "thermocycler", "reader", "tester", "meter", "controller",
    "printer", "plotter", "monitor", "scanner", "terminal", "drill", "mill",
    "grinder", "saw", "torch", "sprayer", "tractor", "combine", "harvester", "dozer",
    "mover", "hoist", "robot", "calorimeter", "sander", "planer", "blaster", "air compressor",
    "generator", "boiler", "furnace", "kiln", "oven", "fryer", "mixer", "slicer", "dishwasher",
    "cytometer", "ultrasound", "dialysis machine", "x-ray machine", "10-key calculator",
    "plasma cutter", "laser cutter", "water jet cutter", "waterjet cutter",
    "forklift truck", "reach truck", "dump truck", "tow truck", "fire truck", "boom lift",
    "scissor lift", "manlift", "loader", "skid steer loader", "dragline", "shovel loader",
    "spreader", "baler", "seeder", "planter", "sprayer", "chipper", "stump grinder",
    "chainsaw", "bandsaw", "jigsaw", "nailer", "sequencer", "imager", "photometer",
    "densitometer", "refractometer", "viscometer", "titrator", "fluorometer", "luminometer",
    "polarimeter", "hydrometer", "tachometer", "dynamometer", "anemometer", "theodolite",
    "total station", "level", "transit", "sonar", "radar", "lidar", "echosounder",
    "simulator", "laser", "endoscope", "colonoscope", "bronchoscope", "laryngoscope",
    "ophthalmoscope", "otoscope", "retinoscope", "keratometer", "tonometer", "audiometer",
    "tympanometer", "spirometer", "capnograph", "electrocardiograph", "electroencephalograph",
    "stethoscope", "glucose meter", "infusion pump", "feeding pump", "suction machine",
    "anesthesia machine", "heart-lung machine", "lithotripter", "mammography", "scaler",
}


# ---------------------------------------------------------------- ESCO

def clean_label(s):
    s = s.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    s = re.sub(r"\s*\([^)]*\)", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .;,")
    return s


def ok_phrase(s, max_words=4):
    """A short noun phrase: at most max_words words, no punctuation that
    makes it a list or a sentence, no pronouns, no leading or trailing
    function word."""
    if not s or re.search(r"[,;:?!\"()\[\]{}…]|\s/|/\s|\betc\b", s):
        return False
    if "/" in s and not re.search(r"\b[A-Z0-9]+/[A-Z0-9]+\b", s):
        return False
    ws = s.split()
    if not 1 <= len(ws) <= max_words:
        return False
    low = [w.lower() for w in ws]
    if any(w in PRONOUN for w in low):
        return False
    if low[0] in PREP | CONJ or low[-1] in PREP | CONJ:
        return False
    if any(w.endswith(("'s", "s'")) for w in low):
        return False
    if any(w in PREP for w in low):
        return False  # "treatment of strabismus": resumes write "strabismus treatment"
    if any(re.search(r"(ally|ively|ously|ently|antly|fully|ately|ssly|ily)$", w) and w not in NOT_ADVERB for w in low):
        return False  # "nursing assessment electronically documentation"
    if len(ws) > 1 and low[-1].endswith("ing") and low[-1][:-3] in DROP_GERUND:
        return False  # "vibrating table using"
    if len(ws) == 2 and low[0] in NOMINALS and low[1].endswith("ing"):
        return False  # "supervision drilling": ESCO's word order slips
    return True


NOT_ADVERB = {"family", "anomaly", "daily", "italy", "rally", "assembly", "sally", "lily", "emily", "homily", "ally"}
DROP_GERUND = {"us", "utilis", "utiliz", "apply", "employ", "perform", "conduct", "execut", "undertak", "carry", "do", "mak", "hav", "tak"}
NOMINALS = set()


def is_activity(phrase):
    ws = phrase.lower().split()
    if not ws:
        return False
    if " ".join(ws) in ACTIVITY_HEADS:
        return True
    head = ws[-1]
    if looks_acronym(phrase.split()[-1]):
        return True
    if head in NOT_ACTIVITY or singular(head) in NOT_ACTIVITY:
        return False
    if head in ACTIVITY_HEADS:
        return True
    if head.endswith("ings"):  # "meetings", "drawings": things
        return False
    return ACTIVITY_SUFFIX.search(head) is not None


def compound(obj):
    """An object noun phrase as the first part of a compound: its last word
    singular ("financial reports" -> "financial report")."""
    ws = obj.split()
    if ws[-1].lower() in ("mathematics", "physics", "economics", "statistics", "logistics"):
        return obj
    ws[-1] = singular(ws[-1])
    return " ".join(ws)


def gerund(v):
    irregular = {"lie": "lying", "die": "dying", "tie": "tying", "see": "seeing", "be": "being"}
    if v in irregular:
        return irregular[v]
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", v) or v in {"plan", "ship", "map", "program", "label", "model", "counsel", "travel", "control", "refer", "transfer", "occur", "dispel", "compel", "propel", "admit", "commit", "submit", "permit", "omit", "regret"}:
        if v in {"label", "model", "counsel", "travel"}:
            return v + "ling"
        return v + v[-1] + "ing"
    return v + "ing"


def split_verb(label, verbs):
    """(verb, object) of a verb phrase label, or None. The verb may be
    multi-word ("carry out", "take care of") or an -ing form."""
    low = label.lower()
    for multi in sorted([v for v in list(VERB_NOUN) + list(DROP_VERB) if " " in v], key=len, reverse=True):
        for form in (multi, gerund(multi.split()[0]) + multi[len(multi.split()[0]):]):
            if low.startswith(form + " "):
                return multi, label[len(form) + 1 :]
    first, _, rest = label.partition(" ")
    if not rest:
        return None
    f = first.lower()
    if f in verbs:
        return f, rest
    if f.endswith("s") and f[:-1] in verbs and f[:-1] not in ("proces",):
        return f[:-1], rest
    if f.endswith("ing"):
        for base in (f[:-3], f[:-3] + "e", f[:-4] if len(f) > 5 and f[-4] == f[-5] else None):
            if base and base in verbs:
                return base, rest
    return None


def clean_object(obj):
    ws = obj.split()
    while ws and ws[0].lower() in ("the", "a", "an"):
        ws = ws[1:]
    return " ".join(ws)


def good_object(obj):
    ws = obj.split()
    if not 1 <= len(ws) <= 3:
        return False
    low = [w.lower() for w in ws]
    if any(w in PREP or w in PRONOUN for w in low):
        return False
    if low[0] in CONJ or low[-1] in CONJ:
        return False
    if low[0] in ("down", "up", "out", "off", "away", "back", "over", "on", "forward"):
        return False  # "write down choreography": a particle
    if any(w.endswith("'s") or w.endswith("s'") for w in low):
        return False
    if re.search(r"[,;:/?!\"()]", obj):
        return False
    return True


# what "administer X" -> "X administration" suits
ADMINISTERED = {
    "medication", "medicine", "drug", "vaccine", "vaccination", "injection", "anaesthetic",
    "anesthetic", "anaesthesia", "anesthesia", "treatment", "test", "exam", "examination",
    "survey", "questionnaire", "budget", "account", "contract", "grant", "benefit", "payroll",
    "estate", "trust", "fund", "policy", "program", "programme", "database", "network",
    "system", "server", "oxygen", "fluid", "insulin", "therapy", "medicament",
}

PEOPLE = {
    "student", "students", "pupil", "pupils", "learner", "learners", "child", "children",
    "patient", "patients", "client", "clients", "customer", "customers", "people", "person",
    "staff", "employee", "employees", "worker", "workers", "team", "teams", "guest", "guests",
    "visitor", "visitors", "passenger", "passengers", "volunteer", "volunteers", "user", "users",
}


# what "perform X processes" adds to the field X: nothing a resume writes
ACTIVITY_TAILS = {"processes", "process", "activities", "activity", "procedures", "operations", "tasks", "duties"}
# one-word fields read off such labels ("procurement", "fundraising")
FIELDS = set()


def esco_forms(r, verbs, known, prose):
    """The resume forms of one ESCO concept, best first, and its type."""
    typ = r["skillType"]
    pref = clean_label(r["preferredLabel"])
    alts = [clean_label(a) for a in re.split(r"\n| \| ", r["altLabels"]) if a.strip()]
    alts = [a for a in alts if a and norm(a) != norm(pref)]
    out = []

    def nominal(label, is_pref, knowledge):
        label = label.strip()
        ws = label.split()
        if not ws:
            return
        if ws[0].lower() in META and len(ws) > 2 and ws[1].lower() == "of":
            return
        if not ok_phrase(label) or singular(ws[-1].lower()) in NOT_SKILL_HEADS:
            return
        # a trailing bare gerund of a verb with another nominalization:
        # "budget managing" -> "budget management"
        last = ws[-1].lower()
        if last.endswith("ing") and len(ws) > 1:
            for base in (last[:-3], last[:-3] + "e"):
                if base in VERB_NOUN and VERB_NOUN[base] != last:
                    label = " ".join(ws[:-1] + [VERB_NOUN[base]])
                    break
        if knowledge:
            out.append(label)
            if len(ws) >= 3 and last in META_TAIL:
                out.append(" ".join(ws[:-1]))
        elif is_activity(label) or norm(label) in known:
            last = label.split()[-1].lower()
            base = split_verb(last + " x", verbs) if last.endswith("ing") else None
            if base and len(label.split()) >= 3 and base[0] not in VERB_NOUN:
                return  # "clock case attaching": no noun for the activity
            out.append(label)

    def verbal(label, is_pref):
        sv = split_verb(label, verbs)
        if sv is None:
            return False
        v, obj = sv
        obj = clean_object(obj)
        if not good_object(obj):
            return True
        if v in DROP_VERB and (is_activity(obj) or norm(obj) in known or looks_acronym(obj)):
            out.append(obj)
        ow = obj.lower().split()
        if (v in DROP_VERB and len(ow) == 2 and ow[1] in ACTIVITY_TAILS
                and re.search(r"(ment|ing|tion|sion|ance|ence|cy|ics|ogy|ship)$", ow[0]) and ow[0] not in STOP):
            # "perform procurement processes", "perform fundraising
            # activities": the field alone is what a resume writes
            out.append(ow[0])
            FIELDS.add(ow[0])
        if v in VERB_NOUN and v not in ("keep",) or (v == "keep" and singular(obj.lower()) in ("record", "book")):
            if v == "teach" and obj.lower().split()[-1] in PEOPLE:
                return True
            if v == "administer" and singular(obj.lower().split()[-1]) not in ADMINISTERED:
                return True
            nom = VERB_NOUN[v]
            c = compound(obj)
            out.append(c if c.lower().split()[-1] == nom else c + " " + nom)
            if is_pref and v != "keep":
                out.append(gerund(v.split()[0]) + v[len(v.split()[0]):] + " " + obj)
        return True

    if typ == "knowledge" or typ == "":
        first = pref.split()[0].lower() if pref.split() else ""
        if (first.endswith("ing") and first not in DISCIPLINES and prose.get(first, 0) < COMMON_MIN
                and split_verb(pref, verbs) and len(pref.split()) > 1):
            # "erecting metal structures": a verb phrase after all
            verbal(pref, True)
            for a in alts:
                verbal(a, False)
            return out, "k"
        nominal(pref, True, True)
        pw = pref.lower().split()
        head = singular(pw[-1]) if pw else ""
        for a in alts:
            if not ok_phrase(a):
                continue
            aw = a.lower().split()
            variant = key(us_spelling(a)) == key(us_spelling(pref))
            # an alternative with the same head and another word in common
            # ("labour law" for "labour legislation" no, "Agile project
            # management" for "project management" yes): ESCO's knowledge alt
            # labels are loose ("pilot routing" for "call routing")
            same = singular(aw[-1]) == head and content(aw[:-1]) & content(pw[:-1])
            if looks_acronym(a) or variant or same:
                nominal(a, False, True)
        return out, "k"
    # skill/competence: the preferred label is a verb phrase
    if not verbal(pref, True):
        nominal(pref, True, False)
    mine = len(out)
    for a in alts:
        ws = a.split()
        if (len(ws) == 2 and ws[0].lower() in NOUN_VERBS
                and re.search(r"(ing|ment|tion|sion|ance|ence|ysis)$", ws[1].lower())):
            nominal(a, False, False)  # "budget management", "test automation"
        elif not verbal(a, False):
            nominal(a, False, False)
    # forms from alternative labels share a word with the preferred label:
    # ESCO's alt labels stray ("metal sheet wall creation" for "operate
    # vibratory pile driver")
    words = content(pref.lower().split()) | {singular(w) for w in content(pref.lower().split())}
    out[mine:] = [f for f in out[mine:] if content(f.lower().split()) & words
                  or {singular(w) for w in content(f.lower().split())} & words]
    return out, "a"


def content(ws):
    return {w for w in ws if len(w) > 3 and w not in PREP and w not in PRONOUN and w not in VERB_NOUN
            and w not in NOMINALS and w not in DROP_VERB}


# ---------------------------------------------------------------- main

def skillspan_knowledge():
    """SkillSpan train-split knowledge spans seen in two postings or more,
    of up to three words: (the span's most used spelling, its other
    spellings), sorted. Industries (what a posting's "Industry:" field
    names), degrees (the requirements reader reads them),
    masked entities and spans cut at a bracket are left out, and so is a
    single ordinary word ("design", "Retail"): the general words are ours."""
    path = CORPUS / "peer-tests" / "skillspan" / "gold_spans.jsonl"
    postings, spellings, industries = defaultdict(set), defaultdict(Counter), set()
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        if doc["split"] != "train":
            continue
        prev = ""
        for sent in doc["sentences"]:
            # the line after a posting's "Industry:" field names the
            # employer's industries, not what the job asks for
            industry, prev = prev == "industry:", sent["text"].strip().lower()
            if industry:
                industries.update(norm(k) for k in sent["knowledge_spans"])
                continue
            for span in sent["knowledge_spans"]:
                span = re.sub(r"\s+", " ", span.replace("\u200b", "")).strip()
                n = norm(span)
                # masked, cut at a bracket, a pair ("C/C++"), a version
                # ("Java 8") or a qualifier ("modern C++", "JavaScript-based")
                if (not n or len(n.split()) > 3 or re.search(r"[<>()*]|\w/\w(?<!CI/C)", span)
                        or span.startswith(".") or re.search(r" \d+$|-based$|^modern ", span)):
                    continue
                if DEGREE_WORDS & set(re.split(r"[^a-z]+", span.lower())):
                    continue
                postings[n].add(doc["file"])
                spellings[n][span] += 1
    out = []
    for n in sorted(postings):
        if len(postings[n]) < 2 or n in industries:
            continue  # once, or an industry ("Financial Services") anywhere
        ranked = [f for f, _ in sorted(spellings[n].items(), key=lambda x: (-x[1], x[0]))]
        name = ranked[0]
        if not re.search(r"[A-Z0-9+#]", name):
            continue  # a lowercase phrase: ESCO words the disciplines
        if " " not in name and re.fullmatch(r"[A-Za-z][a-z]+(-[a-z]+)?", name):
            # one plain word: a field or an industry, unless a product
            # writes it capitalized ("Django")
            if name.lower() in PROSE_WORDS:
                continue
        out.append((name, ranked[1:]))
    return out


# words after a name that say what kind of thing it is
KIND_WORDS = {"pipeline", "pipelines", "tools", "frameworks", "platforms", "services", "systems"}

# words of a degree's name: "BS/BA degree", "PhD", "Master degree"
DEGREE_WORDS = {"degree", "degrees", "diploma", "phd", "msc", "bsc", "ba", "bs", "ms", "master",
                "masters", "bachelor", "bachelors", "cand", "merc", "mba", "university", "academic"}
PROSE_WORDS = set()


def main():
    NOMINALS.update(VERB_NOUN.values())
    prose = prose_counts()
    PROSE_WORDS.update(w for w, n in prose.items() if n >= COMMON_MIN)
    lex = Lexicon(prose)
    lex.common |= FUNCTION_WORDS
    stats = Counter()

    def count(src, e):
        if e is not None:
            stats[src] += 1

    # 1. Certifications and licences (ours).
    for name, acr, aliases in CERTS:
        count("hand: certifications", lex.add(name, acr, aliases, {"c"}, "cert", check=False))

    # 2. Spoken languages: ours, and ESCO's language knowledge labels.
    esco = read_csv(TAX / "esco" / "skills_en.csv")
    langs = dict(LANGUAGES)
    spoken = set()
    for r in esco:
        m = re.match(r"^(?:interact verbally in|understand spoken|understand written|write) ([A-Z][a-z]+)$", r["preferredLabel"])
        if m:
            spoken.add(m.group(1))
    for r in esco:
        p = r["preferredLabel"]
        if r["skillType"] == "knowledge" and p in spoken:
            langs.setdefault(p, [])
    for name, aliases in sorted(langs.items()):
        forms = [name] + aliases
        if name[0].isupper() and " " not in name:
            forms.append(name + " language")
        count("hand+ESCO: spoken languages", lex.add(forms[0], None, forms[1:], {"l"}, "lang", check=False))

    # one-word names that ESCO or O*NET give as a skill on their own: a
    # discipline though common in prose ("accounting", "encryption")
    for r in esco:
        for lab in [r["preferredLabel"]] + r["altLabels"].split("\n"):
            lab = clean_label(lab)
            ws = lab.split()
            if len(ws) == 1 and lab.islower():
                lex.discipline_ok.add(lab)
            elif len(ws) == 2 and ws[0].lower() in DROP_VERB and ws[1].islower():
                lex.discipline_ok.add(ws[1])  # "perform bookkeeping"
    for r in read_tsv(TAX / "onet-30" / "Technology_Skills.txt"):
        m = re.fullmatch(r"([A-Z][a-z]+) software", r["Example"])
        if m:
            lex.discipline_ok.add(m.group(1).lower())

    # 3. Hand tech concepts and common occupational skills (ours).
    lex.keep_spellings = True
    for name, acr, aliases in TECH_EXTRA:
        count("hand: tech", lex.add(name, acr, aliases, {"t"}, "hand", check=False, merge="any"))
    for name, acr, aliases in COMMON:
        count("hand: occupational", lex.add(name, acr, aliases, {"a"}, "hand", check=False, merge="any"))
    lex.keep_spellings = False

    # words of ESCO labels and ordinary prose: English words
    english = lex.english
    english.update(prose)
    english.update(FUNCTION_WORDS)
    for r in esco:
        for lab in [r["preferredLabel"]] + r["altLabels"].split("\n"):
            english.update(re.findall(r"\b[a-z]+\b", lab))

    # 4. O*NET Technology Skills (30 and 29.2): products, hot flags.
    rows = read_tsv(TAX / "onet-30" / "Technology_Skills.txt") + read_tsv(TAX / "onet-29.2" / "Technology_Skills.txt")
    occ = defaultdict(set)
    hot = set()
    for r in rows:
        occ[r["Example"]].add(r["O*NET-SOC Code"])
        if r["Hot Technology"] == "Y" or r["In Demand"] == "Y":
            hot.add(r["Example"])
    # the products most occupations use first: they keep a shared acronym
    # ("CMS" is content management systems, not career management systems)
    for raw in sorted(occ, key=lambda r: (r not in hot, -len(occ[r]), r)):
        name, acr, aliases = onet_forms(raw)
        flags = {"t", "h"} if raw in hot else {"t"}
        first = name.split()[0].lower()
        if (raw.endswith(" software") and not acr and not re.search(r"[A-Z]", name[1:])
                and (first in lex.common or first in STOP)):
            # a kind of software: "Regression testing software" names an
            # activity ("regression testing"), "Spreadsheet software" a thing
            name = name[0].lower() + name[1:]
            if key(name) in {key(c) for c in ONET_CATEGORY_STOP} or not is_activity(name) or not ok_phrase(name):
                continue
            count("O*NET technology (kinds of software)", lex.add(name, None, aliases, flags, "onet-tech"))
            continue
        if raw not in hot and not acr and len(occ[raw]) < 3 and all(
            w.lower() in lex.common for w in re.findall(r"[A-Za-z]+", name)
        ):
            continue  # "Special Agent": ordinary words, and rare: risky as a skill
        # "Adobe Director" -> "Director", "Splunk Enterprise" -> "Enterprise":
        # an English word alone is no product name, unless a well-known one
        # ("Excel", "Word", "Teams")
        aliases = [a for a in aliases if a in PRODUCT_WORDS or not all(
            w.lower() in lex.common or w.lower() in english for w in re.findall(r"[A-Za-z]+", a))]
        e = lex.add(name, acr, aliases, flags, "onet-tech", merge=[name])
        count("O*NET technology", e)

    # 5. Linguist: programming languages, with aliases (MIT).
    yl = yaml.safe_load(open(TAX / "github-linguist" / "languages.yml", encoding="utf-8"))
    icons = json.load(open(TAX / "simple-icons" / "simple-icons.json", encoding="utf-8"))
    icon_titles = {norm(i["title"]) for i in icons}
    for name, info in sorted(yl.items()):
        if info.get("type") != "programming" or name in LINGUIST_DROP:
            continue
        stem = re.sub(r"[^a-z0-9]", "", name.lower())[:2]
        aliases = [a for a in info.get("aliases", []) if len(a) > 2 and a.lower().startswith(stem)]
        # only languages another source also names: Linguist lists many obscure ones
        e = lex.add(name, None, aliases, {"t"}, "linguist", create=norm(name) in icon_titles)
        count("Linguist", e)

    # 6. simple-icons (CC0): spellings and aliases of names already known.
    for i in icons:
        aka = list(i.get("aliases", {}).get("aka", []))
        count("simple-icons (merged)", lex.add(i["title"], None, aka, (), "icons", create=False))

    # 7. Soft skills: hand list + ESCO transversal labels of two or three words.
    for name, aliases in SOFT.items():
        count("hand: soft", lex.add(name, None, aliases, {"s"}, "soft", check=False))
    for r in read_csv(TAX / "esco-1.2-collections" / "transversalSkillsCollection_en.csv"):
        label = clean_label(r["preferredLabel"])
        if 2 <= len(label.split()) <= 3 and ok_phrase(label):
            # their alternative labels are loose ("experiment" for "think
            # creatively"): the label alone
            count("ESCO transversal", lex.add(label, None, [], {"s"}, "esco-soft"))

    # 8. ESCO: knowledge concepts first (they name disciplines), then skills.
    for r in esco:
        # a word counts once a concept: a typo repeats within one concept
        lex.vocab.update(set(re.findall(r"\b[a-z]{4,}\b", r["altLabels"])))
        # preferred labels are curated: their words are no typos
        lex.vocab.update({w: 2 for w in re.findall(r"\b[a-z]{4,}\b", r["preferredLabel"])})
    lex.vocab.update({w: n for w, n in prose.items()})
    lex.vocab.update({w: 2 for n in VERB_NOUN.values() for w in (n, us_spelling(n))})
    lex.check_typos = True
    verbs = {clean_label(r["preferredLabel"]).split()[0].lower() for r in esco
             if r["skillType"] == "skill/competence" and r["preferredLabel"].strip()}
    verbs |= set(VERB_NOUN) | set(DROP_VERB)
    # and words that start two or more skill labels but never stand later in
    # any label ("boost", "amend"): verbs too
    firsts, later = Counter(), set()
    for r in esco:
        for lab in [r["preferredLabel"]] + r["altLabels"].split("\n"):
            ws = lab.lower().split()
            if ws:
                if r["skillType"] == "skill/competence":
                    firsts[ws[0]] += 1
                later.update(ws[1:])
    verbs |= {w for w, n in firsts.items() if n >= 2 and w not in later and w.isalpha()}
    known = {norm(f.lstrip("~")) for f in lex.by_form_names()}
    parsed = []
    have = {norm(r["preferredLabel"]) for r in esco}
    digital = [r for r in read_csv(TAX / "esco-1.2-collections" / "digitalSkillsCollection_en.csv")
               if norm(r["preferredLabel"]) not in have]
    stats["ESCO 1.2 digital concepts not in skills_en"] = len(digital)
    for r in esco + digital:
        if r["preferredLabel"] in spoken or r["preferredLabel"] in langs:
            continue
        m = re.search(r"^(?:write|read|speak|understand|interact|communicate|use)\b.* ([A-Z][a-z]+)$", r["preferredLabel"])
        if m and m.group(1) in langs and r["skillType"] != "knowledge":
            continue  # "interact verbally in Dutch": the language entry covers it
        forms, typ = esco_forms(r, verbs, known, prose)
        parsed.append((0 if typ == "k" else 1, norm(r["preferredLabel"]), forms, typ))
    discipline_ok = set(lex.discipline_ok) | FIELDS
    for _, _, forms, typ in parsed:
        for f in forms:
            if " " not in f and f.islower():
                discipline_ok.add(f)
    later = []
    for _, _, forms, typ in sorted(parsed):
        if not forms:
            stats["ESCO concepts with no short form"] += 1
            continue
        # US spellings after each British form
        full = []
        for f in forms:
            full.append(f)
            us = us_spelling(f)
            if us != f:
                full.append(us)
        seen = set()
        full = [f for f in full if not (key(f) in seen or seen.add(key(f)))]
        # a name reads as a noun: "-ing object" forms ("managing budgets") last
        gerund_first = lambda f: f.split()[0].endswith("ing") and split_verb(f, verbs) is not None and len(f.split()) > 1 and f.split()[0].lower() not in DISCIPLINES
        full = [f for f in full if not gerund_first(f)] + [f for f in full if gerund_first(f)]
        name = next((f for f in full if not gerund_first(f) and not lex.bad_form(f, discipline_ok)), None)
        if name is None:
            stats["ESCO concepts with no usable form"] += 1
            continue
        acr = next((f for f in full if looks_acronym(f) and is_acronym(f, name)), None)
        e = lex.add(name, acr, [], {typ}, "esco-" + typ, discipline_ok=discipline_ok)
        count("ESCO knowledge" if typ == "k" else "ESCO skill/competence", e)
        if e is not None:
            later.append((e, [f for f in full if f not in (name, acr)]))
    # every concept's name first, then the alternative forms: an alternative
    # never takes another concept's name
    for e, rest in later:
        lex.extend(e, rest, MAX_ESCO_ALIASES, discipline_ok)

    lex.check_typos = False

    # 9. O*NET Tools Used: equipment a resume lists.
    tools = read_tsv(TAX / "onet-30" / "Tools_Used.txt")
    tocc = defaultdict(set)
    tseg = {}
    for r in tools:
        tocc[r["Example"]].add(r["O*NET-SOC Code"])
        tseg.setdefault(r["Example"], r["Commodity Code"][:2])
    proper = {w for t in tocc for w in t.split()[1:] if re.fullmatch(r"[A-Z][a-z'-]+", w)}
    tool_entries = {}
    for raw in sorted(tocc, key=lambda t: (len(t.split()), t)):
        seg = tseg[raw]
        if seg not in TOOL_SEGMENTS:
            continue
        if len(tocc[raw]) < 2 and seg not in TOOL_CORE:
            continue
        name, acr, aliases = tool_forms(raw, proper)
        ws = name.lower().split()
        head = ws[-1]
        last2 = " ".join(ws[-2:])
        if head not in TOOL_HEADS and last2 not in TOOL_HEADS:
            stats["tools dropped by head"] += 1
            continue
        if len(ws) == 1 and ws[0] in lex.common and ws[0] not in SINGLE_TOOLS:
            stats["tools dropped as common word"] += 1
            continue
        # "Electronic cash registers" -> alias of "cash register"
        if len(ws) > 1 and ws[0] in TOOL_MODIFIERS and " ".join(ws[1:]) in tool_entries:
            base = tool_entries[" ".join(ws[1:])]
            lex.add(base["name"], None, [name] + aliases + ([acr] if acr else []), (), "tool", create=False)
            stats["tools merged"] += 1
            continue
        e = lex.add(name, acr, aliases, {"t"}, "tool")
        if e is not None:
            tool_entries[name.lower()] = e
        count("O*NET tools", e)

    # 10. General words, asked for with a cue (ours): only those no entry
    # has, so that a skill known as such keeps counting without a cue
    for name, aliases in GENERAL:
        if lex.find([name] + aliases) is None:
            count("hand: general (cued)", lex.add(name, None, aliases, {"g"}, "general", check=False, merge=False))

    # 11. SkillSpan train split (MIT): knowledge spans its annotators marked
    # in two job postings or more, up to three words. They name what
    # postings ask for that the taxonomies lack or word otherwise ("HTML",
    # "Redux", "code reviews", "shell scripting"). Only the train split:
    # its dev and test postings measure the reader.
    icon_name = {norm(i["title"]): i["title"] for i in icons}
    # a spelling of a known name ("reactjs", "NodeJS", "Elastic Search",
    # "APIs") joins the entry that has it
    def squashed(f):
        f = re.sub(r"[^a-z0-9+#]", "", f.lstrip("~").lower())
        return {f, f.removesuffix("js"), f.removesuffix("s")} - {""}
    known = {}
    for e in lex.entries:
        for f in [e["name"]] + ([e["acronym"]] if e["acronym"] else []) + e["aliases"]:
            for k in squashed(f):
                known.setdefault(k, e["name"])
    for name, forms in skillspan_knowledge():
        name = icon_name.get(norm(name), name)
        same = next((known[k] for k in squashed(name) if k in known), None)
        # a known name and a kind word ("CI/CD pipelines"): that name's
        # entry, whose other forms a resume may use ("CI/CD")
        head, _, tail = name.rpartition(" ")
        if same is None and head and tail.lower() in KIND_WORDS:
            same = next((known[k] for k in squashed(head) if k in known), None)
        if same is not None:
            count("SkillSpan train knowledge (spellings)", lex.add(same, None, [name] + forms, (), "skillspan", create=False))
            continue
        for k in squashed(name):
            known.setdefault(k, name)
        # a concept another source has keeps its own flags, and gains these
        # spellings
        # one word a prose writer uses ("backend", "messaging") or two
        # letters ("UI", "HR"): a skill only where a posting asks for it
        # as one, as our general words
        one = " " not in name
        general = one and (len(name) <= 2 or all(w in prose for w in name.lower().split("-")))
        flags = {"g"} if general else {"k"}
        flags = flags if lex.find([name] + forms) is None else ()
        count("SkillSpan train knowledge", lex.add(name, None, forms, flags, "skillspan"))

    # ambiguity: one letter, a capitalized product that is an ordinary word,
    # an acronym that is a word or a name
    def ambiguous(form):
        if not re.fullmatch(r"[A-Za-z]+", form):
            return False
        if len(form) == 1:
            return True
        low = form.lower()
        if form.isupper():
            return low in lex.common or low in AMBIGUOUS_WORDS or low in PLACES or low in prose
        if form.islower():
            return False  # kept lowercase words are disciplines
        # words of ordinary prose (not ESCO's labels, which write "python")
        return low in lex.common or low in AMBIGUOUS_WORDS
    for e in lex.entries:
        if "s" in e["flags"]:
            continue
        if "l" in e["flags"]:
            # a language name is a word only when its lowercase is ("Polish")
            mark = lambda f: "~" + f if f.lower() in LANGUAGE_WORDS else f
        elif "h" in e["flags"] or "k" in e["flags"] or "a" in e["flags"]:
            mark = lambda f: "~" + f if ambiguous(f) else f
        else:
            # a product that is not hot named by a word of ESCO's labels
            # ("Calendar", "Invoice", "Interpreter") is a word in a posting too
            mark = lambda f: "~" + f if ambiguous(f) or (
                re.fullmatch(r"[A-Z][a-z]+", f) and f.lower() in lex.english and f not in ("Scrum",)) else f
        e["name"] = mark(e["name"])
        e["aliases"] = [mark(a) for a in e["aliases"]]
        if e["acronym"]:
            e["acronym"] = mark(e["acronym"])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    clean = lambda s: s.replace("\t", " ").replace("|", "/").replace("\n", " ")
    lines = []
    for e in sorted(lex.entries, key=lambda e: (norm(e["name"].lstrip("~")), e["name"])):
        lines.append("\t".join([
            clean(e["name"]),
            clean(e["acronym"] or ""),
            "|".join(clean(a) for a in sorted(e["aliases"], key=lambda a: (norm(a.lstrip("~")), a))),
            "".join(sorted(e["flags"])),
        ]))
    header = [
        "# atscore skill lexicon, generated by scripts/gen-lexicon.py; do not edit by hand.",
        "# Sources:",
        "# - ESCO skills, knowledge and the digital and transversal collections: This uses the",
        "#   ESCO classification of the European Commission. (Labels rewritten as short noun phrases.)",
        "# - O*NET 30 and 29.2 Technology Skills and O*NET 30 Tools Used, by the U.S. Department of",
        "#   Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0",
        "#   license; this data was modified from the original. O*NET is a trademark of USDOL/ETA.",
        "# - GitHub Linguist languages.yml (MIT, (c) GitHub, Inc.); simple-icons (CC0 1.0).",
        "# - SkillSpan train split knowledge spans (MIT, (c) 2023 Mike Zhang).",
        "# - atscore's own lists: certifications and licences, spoken languages, soft skills.",
        "# Columns: name, acronym, aliases (|-separated), flags. Flags: h hot (O*NET), s soft,",
        "#   k knowledge, a activity, t technology/tool, c certification/licence, l spoken language,",
        "#   g a general word (a skill only where a posting asks for it as one).",
        "# ~Form = ambiguous (a word or a name too): counts only with that capitalization, as a clear mention.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")

    fl = Counter()
    for e in lex.entries:
        for f in e["flags"]:
            fl[f] += 1
    print(f"wrote {OUT.relative_to(ROOT) if OUT.is_relative_to(ROOT) else OUT}: {len(lines)} entries, "
          f"{sum(1 + bool(e['acronym']) + len(e['aliases']) for e in lex.entries)} forms, "
          f"{OUT.stat().st_size} bytes", file=sys.stderr)
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}", file=sys.stderr)
    print("  by flag: " + ", ".join(f"{k} {fl[k]}" for k in "hskatclg"), file=sys.stderr)
    print("  forms refused: " + ", ".join(f"{k} {v}" for k, v in lex.dropped.most_common()), file=sys.stderr)
    return lex


def write_verb_nouns():
    """core/src/posting/verb_nouns.rs: VERB_NOUN's one-word verbs, sorted,
    as a Rust table (the posting reader finds a verb by binary search)."""
    pairs = sorted((v, n) for v, n in VERB_NOUN.items() if " " not in v)
    lines = [
        "//! Verbs and their nominalizations (\"manage\" -> \"management\"), sorted by",
        "//! verb: generated by `scripts/gen-lexicon.py` from its `VERB_NOUN` (the table",
        "//! the lexicon's labels are rewritten with) and `NOUN_VERBS`; do not edit by",
        "//! hand.",
        "",
        "/// (verb, nominalization, whether the verb is as often a noun: \"design\",",
        "/// \"plan\"), sorted by verb.",
        "pub(super) const VERB_NOUNS: &[(&str, &str, bool)] = &[",
    ]
    lines += [f'    ("{v}", "{n}", {str(v in NOUN_VERBS).lower()}),' for v, n in pairs]
    lines.append("];")
    VERB_NOUNS_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {VERB_NOUNS_OUT.relative_to(ROOT)}: {len(pairs)} verbs", file=sys.stderr)


def write_lexicon_stems():
    """core/data/lexicon-stems.tsv: printed by the atscore-benches example
    `lexicon-stems` from the lexicon just written (cargo rebuilds it: the
    lexicon is embedded), so the stems are the crate's stemmer's."""
    text = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "atscore-benches", "--example", "lexicon-stems"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    STEMS_OUT.write_text(text, encoding="utf-8")
    print(f"wrote {STEMS_OUT.relative_to(ROOT)}: {text.count(chr(10)) - 3} words", file=sys.stderr)


if __name__ == "__main__":
    if "--verb-nouns" not in sys.argv:
        main()
    write_verb_nouns()
    if "--verb-nouns" not in sys.argv:
        write_lexicon_stems()
