"""The capacity_demand pathway model simulated with ciw (Palmer, Knight et al.),
for the speed comparison in BENCHMARKS.md.

Usage: python3 benches/ciw/pathway_ciw.py benches/ciw/lower_gi.json REPLICATIONS

The same model as cancer_plan::capacity_demand::simulate: Poisson referrals;
each step a first-come-first-served queue with `servers` servers, service time
mean servers x 7 / slots_per_week days, fixed (cv 0), exponential (cv 1) or
lognormal; a fixed turnaround after each step (an infinite-server node); a
share ruled out (told) after each step's turnaround, the rest routed on; the
last step tells the rest. Time in days; 4 weeks' warm-up, then the 365 days of
April 2024 to March 2025 observed.

Prints the median seconds per replication (each replication timed alone, one
core), and two figures to check that both tools simulate the same model: the
mean wait for a colonoscopy slot (days, arrivals in the window) and the
percentiles of the FDS wait in days (clock stops in the window).
"""

import json
import math
import statistics
import sys
import time

import ciw

WARM_UP = 28.0
HORIZON = WARM_UP + 365.0


def service(mean, cv):
    if cv == 0:
        return ciw.dists.Deterministic(mean)
    if cv == 1:
        return ciw.dists.Exponential(1.0 / mean)
    sigma2 = math.log(1.0 + cv * cv)
    return ciw.dists.Lognormal(math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2))


def network(model):
    steps = model["steps"]
    k = len(steps)
    # nodes: step 1, turnaround 1, step 2, turnaround 2, ...
    arrivals, services, servers = [], [], []
    routing = [[0.0] * (2 * k) for _ in range(2 * k)]
    for i, step in enumerate(steps):
        mean = step.get("servers", 1) * 7.0 / step["slots_per_week"]
        arrivals.append(ciw.dists.Exponential(model["demand_per_week"] / 7.0) if i == 0 else None)
        services.append(service(mean, step.get("service_cv", 1.0)))
        servers.append(step.get("servers", 1))
        arrivals.append(None)
        services.append(ciw.dists.Deterministic(max(step.get("turnaround_days", 0.0), 1e-9)))
        servers.append(float("inf"))
        routing[2 * i][2 * i + 1] = 1.0
        if i + 1 < k:
            routing[2 * i + 1][2 * i + 2] = 1.0 - step.get("ruled_out", 0.0)
    return ciw.create_network(
        arrival_distributions=arrivals,
        service_distributions=services,
        number_of_servers=servers,
        routing=routing,
    )


def replicate(model, seed):
    ciw.seed(seed)
    sim = ciw.Simulation(network(model))
    sim.simulate_until_max_time(HORIZON)
    records = sim.get_all_records()
    waits = [r.waiting_time for r in records if r.node == 3 and WARM_UP <= r.arrival_date < HORIZON]
    # A patient's clock stops when they leave the last node they visit.
    first_arrival, last_exit = {}, {}
    for r in records:
        first_arrival[r.id_number] = min(first_arrival.get(r.id_number, math.inf), r.arrival_date)
        if r.destination == -1:
            last_exit[r.id_number] = r.exit_date
    days = [
        math.floor(stop) - math.floor(first_arrival[pid])
        for pid, stop in last_exit.items()
        if WARM_UP <= stop < HORIZON
    ]
    return (sum(waits) / len(waits) if waits else 0.0), days


def main():
    model = json.load(open(sys.argv[1]))
    reps = int(sys.argv[2])
    times, waits, days = [], [], []
    for i in range(reps):
        start = time.perf_counter()
        wait, fds_days = replicate(model, i)
        times.append(time.perf_counter() - start)
        waits.append(wait)
        days.extend(fds_days)
    print(f"ciw {ciw.__version__}: {reps} replications, median {statistics.median(times):.4f} s a replication")
    days.sort()
    pct = lambda p: days[max(math.ceil(p / 100 * len(days)), 1) - 1]
    print(
        f"  colonoscopy mean wait {statistics.mean(waits):.3f} days; "
        f"FDS wait days: 50th {pct(50)}, 90th {pct(90)}, 95th {pct(95)}"
    )


if __name__ == "__main__":
    main()
