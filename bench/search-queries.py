#!/usr/bin/env python3
"""Prints a rotating set of realistic search queries drawn from news corpora (JSON Lines with title/text), one a line:
names and places (capitalised words and pairs), topical words, prefixes, two-word phrases and Chinese words, each kind
sampled evenly across its frequency range, so the set holds rare and common terms as readers type them.

    bench/search-queries.py FILE.jsonl... > queries.txt
"""
import collections
import json
import re
import sys

STOP = set("""a about after again against all also an and any are as at be because been before being between both but by
can could did do does during each few for from further had has have having he her here hers him his how i if in into is it
its itself just me more most my no nor not now of off on once only or other our out over own said same says she should so
some such than that the their them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your year years since monday tuesday wednesday thursday friday
saturday sunday told according""".split())

words = collections.Counter()
names = collections.Counter()
pairs = collections.Counter()
phrases = collections.Counter()
han = collections.Counter()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = (doc.get("title") or "") + "\n" + doc.get("text", "")
            for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
                for n in (2, 4):
                    for i in range(0, len(run) - n + 1, n):
                        han[run[i:i + n]] += 1
            tokens = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
            for i, token in enumerate(tokens):
                lower = token.lower()
                if lower in STOP or len(token) < 4:
                    continue
                if token[0].isupper() and not token.isupper():
                    names[token] += 1
                    if i + 1 < len(tokens) and tokens[i + 1][0].isupper() and tokens[i + 1].lower() not in STOP:
                        pairs[token + " " + tokens[i + 1]] += 1
                elif token.islower():
                    words[token] += 1
                    if i + 1 < len(tokens) and tokens[i + 1].islower() and tokens[i + 1] not in STOP and len(tokens[i + 1]) > 3:
                        phrases[token + " " + tokens[i + 1]] += 1


def sample(counter, count, minimum=3):
    """Every n-th of the terms seen at least `minimum` times, from the most frequent down: common and rare alike."""
    ranked = [term for term, n in counter.most_common() if n >= minimum]
    step = max(1, len(ranked) // count)
    return ranked[::step][:count]


queries = []
queries += sample(names, 120)
queries += sample(words, 100)
queries += ['"%s"' % p for p in sample(pairs, 50)]
queries += ['"%s"' % p for p in sample(phrases, 30)]
queries += [w[:5] + "*" for w in sample(words, 20, 10) if len(w) > 6]
queries += [" ".join(p.split()) for p in sample(pairs, 20, 5)]
queries += sample(han, 40)
seen = set()
for q in queries:
    if q not in seen:
        seen.add(q)
        print(q)
