-- 013: "did you mean" learns only from what readers may see: store_search_upkeep now counts the words of
-- visible articles only (drafts' and scheduled titles no longer shape suggestions); this makes it rebuild the
-- kept vocabulary (search_term) once now.
UPDATE content_version SET version = version + 1 WHERE id = 1;
