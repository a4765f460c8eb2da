"""Misspellings: a reader's word the stories (almost) never use, one letter from a word they use often.

``correction(word, searcher)`` returns that better word, or None. It looks only at the index's own
vocabulary (the exact words of every public story), so names are corrected as well as common words and
nothing is ever suggested that would find nothing. Every candidate one edit away (a letter deleted,
inserted, replaced, or two neighbours swapped) is looked up: a few hundred term lookups in the index's term
dictionary, well under a millisecond each.
"""

import string

LETTERS = string.ascii_lowercase
MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
RARE = 2  # a word in at most this many stories may be a misspelling...
BETTER = 20  # ...when a neighbour is in at least this many times as many stories (and at least 3)
MIN_FOUND = 3


def correction(word, searcher):
    """The word one edit from `word` that many more stories use, or None."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word.isascii():
        return None
    found = stories_with(word, searcher)
    if found > RARE:
        return None
    best, best_found = None, max(MIN_FOUND - 1, found * BETTER - 1)
    for candidate in edits(word):
        candidate_found = stories_with(candidate, searcher)
        if candidate_found > best_found:
            best, best_found = candidate, candidate_found
    return best


def stories_with(word, searcher):
    """How many stories use the word (as written, in the headline or the text)."""
    return searcher.doc_freq("text_words", word) + searcher.doc_freq("title_words", word)


def edits(word):
    """Every word one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = (left + right[1:] for left, right in splits if right)
    swaps = (left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    replaces = (left + letter + right[1:] for left, right in splits if right for letter in LETTERS)
    inserts = (left + letter + right for left, right in splits for letter in LETTERS)
    return {*deletes, *swaps, *replaces, *inserts} - {word}
