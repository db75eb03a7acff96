"""The Redis mailbox's two scripts: each push and each poll is one atomic step in Redis.

Keys: KEYS[1] the chat's sorted set (score: the id; member: "<id> <message JSON>"),
KEYS[2] the chat's last id, KEYS[3] the plain list an older version queued into (its
messages are given ids and moved over first, so an upgrade loses none).
Ids are the last id + 1 and at least the caller's clock in microseconds (``now``), so an
expired or flushed last id never hands out an id a page already holds.
"""

_COMMON = """
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local function add(message)
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  local id = string.format('%d', math.max(last + 1, now))
  redis.call('SET', KEYS[2], id, 'EX', ttl)
  redis.call('ZADD', KEYS[1], id, id .. ' ' .. message)
  return tonumber(id)
end
local old = redis.call('LRANGE', KEYS[3], 0, -1)
for _, message in ipairs(old) do add(message) end
if #old > 0 then
  redis.call('DEL', KEYS[3])
  redis.call('EXPIRE', KEYS[1], ttl)
end
"""

#: ARGV: now, ttl, limit, wake channel, chat id, messages...; returns {dropped, {ids}}.
PUT = (
    _COMMON
    + """
local ids = {}
for i = 6, #ARGV do ids[#ids + 1] = add(ARGV[i]) end
local dropped = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if dropped > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, dropped - 1)
else
  dropped = 0
end
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('PUBLISH', ARGV[4], ARGV[5])
return {dropped, ids}
"""
)

#: ARGV: now, ttl, after ("" : take and delete), batch; returns the members, oldest first.
TAKE = (
    _COMMON
    + """
local after, batch = ARGV[3], tonumber(ARGV[4])
if after == '' then
  local items = redis.call('ZRANGE', KEYS[1], 0, batch - 1)
  if #items > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, #items - 1) end
  return items
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', after)
return redis.call('ZRANGE', KEYS[1], 0, batch - 1)
"""
)
