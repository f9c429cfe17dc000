-- wrk script for make bench: each request asks another search from a mix of what readers type
local queries = {
  "pembrolizumab", "nivolumab+melanoma", "%22overall+survival%22", "osimertinib+adjuvant", "immuno*",
  "trastuzumab+deruxtecan", "ALEXANDRA", "KEYNOTE-522", "NCT03498716", "renal+cell+carcinoma",
  "sacituzumab+OR+datopotamab", "capivasertib", "toxicity+management", "ctDNA", "belzutifan",
  "prostate+cancer+-metastatic", "lorlatinib+alectinib", "%22event-free+survival%22", "tarlatamab", "hepatocellular",
  "pembrolizumb", "quality+of+life", "neoadj*", "olaparib+ovarian", "HER2-positive+breast",
  "zanubrutinib", "colorectal", "ribociclib+abemaciclib", "gastric+perioperative", "endometrial"
}
local filters = { "", "&year=2025", "&page=2", "", "&section=1", "" }
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  local f = filters[(math.floor(i / #queries) % #filters) + 1]
  return wrk.format("GET", "/search?q=" .. q .. f)
end
