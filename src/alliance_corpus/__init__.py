"""alliance_corpus."""
