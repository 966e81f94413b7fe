-- GET a list of paths round-robin (each thread from its own offset): search mix, listing detail, reports, feed.
--   wrk -s bench/load/paths.lua URL -- PATHS_FILE [TOKEN_FILE] [random]
-- PATHS_FILE: one "label<TAB>path", "label<TAB>path<TAB>token" (the feed: each path its shopper's token) or "path"
-- a line. With "random", paths are drawn at random instead.
dofile("bench/load/common.lua")
function init(args)
  paths, tokens = {}, {}
  for _, line in ipairs(lines(args[1])) do
    local label, path, token = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    if path then
      tokens[#paths + 1] = { ["Authorization"] = "Bearer " .. token }
    else
      path = line:match("\t(.*)$") or line
    end
    paths[#paths + 1] = path
  end
  headers = {}
  if args[2] and args[2] ~= "" and args[2] ~= "-" then
    headers["Authorization"] = "Bearer " .. lines(args[2])[1]
  end
  draw = args[3] == "random"
  math.randomseed(os.time() + id * 7919)
  i = (id * 7) % #paths
end
function request()
  if draw then
    i = math.random(#paths)
  else
    i = i % #paths + 1
  end
  return wrk.format("GET", paths[i], tokens[i] or headers)
end
