-- wrk script: each request is a new conference registration with its own e-mail address, posted as JSON to
-- the Forms delivery API with the server Api-Key. Counts 202s so the run can report acknowledged sign-ups.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
    thread:set("id", thread_id)
    thread_id = thread_id + 1
    table.insert(threads, thread)
end

function init(args)
    accepted = 0
    other = 0
end

function request()
    counter = counter + 1
    local body = string.format(
        '{"values":{"name":"Load Test %d-%d","email":"load-%d-%d@example.org","country":"Norway","role":"researcher",' ..
        '"attend":["ae334d44-83fc-5558-b117-e1dad3fc4275"],"schengenVisa":"no","consent":"on"},"culture":"en-US"}',
        id, counter, id, counter)
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Api-Key"] = "load-test" }, body)
end

function response(status, headers, body)
    if status == 202 then accepted = accepted + 1 else other = other + 1 end
end

function done(summary, latency, requests)
    local a, o = 0, 0
    for _, t in ipairs(threads) do
        a = a + t:get("accepted")
        o = o + t:get("other")
    end
    io.write(string.format("accepted (202): %d, other: %d\n", a, o))
end
