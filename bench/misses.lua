-- wrk script for make bench: every request is a page the cache has never seen (a search with a new address)
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/search?q=survival&miss=" .. i)
end
