-- wrk script for bench/video.sh: each request asks a random 1 MB range of the video at VIDEO_PATH (VIDEO_BYTES long)
local path = os.getenv("VIDEO_PATH")
local size = tonumber(os.getenv("VIDEO_BYTES"))
local span = 1048576

init = function()
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local first = math.random(0, size - span)
  return wrk.format("GET", path, { ["Range"] = "bytes=" .. first .. "-" .. (first + span - 1) })
end
