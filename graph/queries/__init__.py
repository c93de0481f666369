"""The read side: a store -> claim records, pages, entities, outlets, reviews, console, exports."""
