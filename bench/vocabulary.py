"""The words of generated records: cities, facility kinds, attacks with their titles, events and weapons,
openings and follow-ups of descriptions, agencies, sources, plan actions and owners."""

from __future__ import annotations

from desktop.domain.enums import AttackType, FacilityType, WeaponType

CITIES = (
    ("Tacoma", "WA", 47.25, -122.44), ("Seattle", "WA", 47.61, -122.33), ("San Antonio", "TX", 29.42, -98.49),
    ("Houston", "TX", 29.76, -95.37), ("Dallas", "TX", 32.78, -96.80), ("El Paso", "TX", 31.76, -106.49),
    ("Miami", "FL", 25.76, -80.19), ("Orlando", "FL", 28.54, -81.38), ("Tampa", "FL", 27.95, -82.46),
    ("Los Angeles", "CA", 34.05, -118.24), ("San Diego", "CA", 32.72, -117.16), ("Adelanto", "CA", 34.58, -117.41),
    ("Phoenix", "AZ", 33.45, -112.07), ("Tucson", "AZ", 32.22, -110.97), ("New York", "NY", 40.71, -74.01),
    ("Buffalo", "NY", 42.89, -78.88), ("Chicago", "IL", 41.88, -87.63), ("Atlanta", "GA", 33.75, -84.39),
    ("Portland", "OR", 45.52, -122.68), ("Albuquerque", "NM", 35.08, -106.65), ("New Orleans", "LA", 29.95, -90.07),
    ("Aurora", "CO", 39.73, -104.83), ("Denver", "CO", 39.74, -104.99), ("Newark", "NJ", 40.74, -74.17),
    ("Elizabeth", "NJ", 40.66, -74.21), ("Boston", "MA", 42.36, -71.06), ("Minneapolis", "MN", 44.98, -93.27),
    ("Detroit", "MI", 42.33, -83.05), ("Philadelphia", "PA", 39.95, -75.17), ("Baltimore", "MD", 39.29, -76.61),
    ("Charlotte", "NC", 35.23, -80.84), ("Salt Lake City", "UT", 40.76, -111.89), ("Las Vegas", "NV", 36.17, -115.14),
    ("Omaha", "NE", 41.26, -95.93), ("Kansas City", "MO", 39.10, -94.58), ("Nashville", "TN", 36.16, -86.78),
    ("Louisville", "KY", 38.25, -85.76), ("San Francisco", "CA", 37.77, -122.42), ("Sacramento", "CA", 38.58, -121.49),
    ("Harlingen", "TX", 26.19, -97.70),
)  # fmt: skip
FACILITY_KINDS = {
    FacilityType.DETENTION_CENTER: "Detention Center", FacilityType.FIELD_OFFICE: "Field Office",
    FacilityType.PROCESSING_CENTER: "Processing Center", FacilityType.BENEFITS_OFFICE: "Benefits Office",
    FacilityType.OTHER: "Annex",
}  # fmt: skip
PARTS = (
    "the front entrance", "the main gate", "the perimeter fence", "the visitor lobby", "the sally port",
    "the parking lot", "a government vehicle", "the loading dock", "the east wall", "the west wall",
    "the guard booth", "the intake building", "the administration building", "the staff garage",
    "the flagpole", "the security cameras", "the lobby windows", "the records office", "the bus entrance",
)  # fmt: skip
# attack type: (weight, title templates, event sentences, weapon choices (type, subtype); empty: none)
ATTACKS: dict[AttackType, tuple[int, tuple[str, ...], tuple[str, ...], tuple[tuple[WeaponType, str], ...]]] = {
    AttackType.VANDALISM: (30, (
        "Vandalism of {part}", "Graffiti sprayed on {part}", "Windows smashed at {part}",
        "Tires slashed in {part}", "Vandalism: slogans painted on {part}",
    ), (
        "vandals spray-painted slogans on {part}", "someone smashed {n} windows at {part}",
        "the vandalism left graffiti across {part}", "a group damaged {part} with hammers",
    ), ((WeaponType.MELEE, "hammer"), (WeaponType.MELEE, "baseball bat"), (WeaponType.OTHER, "spray paint"),
        (WeaponType.MELEE, "rock"), (WeaponType.OTHER, "")),
    ),
    AttackType.THREAT: (22, (
        "Phoned bomb threat", "Threatening letter mailed to the facility", "Online threat against staff",
        "Threat to burn down {part}", "Emailed threat to shoot officers",
    ), (
        "a caller said a bomb was hidden near {part}", "a letter threatened staff working at {part}",
        "a social media post threatened an attack on {part}", "a man shouted threats at officers near {part}",
    ), ((WeaponType.UNKNOWN, ""), (WeaponType.EXPLOSIVES, "claimed bomb"), (WeaponType.FIREARMS, "claimed")),
    ),
    AttackType.PROTEST_PEACEFUL: (14, (
        "Peaceful protest at {part}", "Vigil outside {part}", "March past {part}", "Sit-in near {part}",
    ), (
        "about {n}0 people gathered peacefully at {part}", "a vigil was held outside {part}",
        "marchers passed {part} without incident",
    ), ()),
    AttackType.PROTEST_UNLAWFUL: (9, (
        "Protesters blocked {part}", "Unlawful protest damaged {part}", "Encampment blocked {part}",
    ), (
        "protesters chained themselves to {part}", "a crowd blocked vehicles at {part} for {n} hours",
        "protesters tore down signs at {part}",
    ), ((WeaponType.MELEE, "bolt cutters"), (WeaponType.OTHER, "chains"), (WeaponType.VEHICLE, "blocking car")),
    ),
    AttackType.BREACH_OF_SECURITY: (8, (
        "Unauthorized entry through {part}", "Fence breached at {part}", "Trespasser found at {part}",
        "Badge misuse at {part}",
    ), (
        "a trespasser climbed {part}", "an intruder was found inside {part}",
        "a visitor slipped past screening at {part}",
    ), ((WeaponType.MELEE, "wire cutters"), (WeaponType.UNKNOWN, ""), (WeaponType.OTHER, "ladder")),
    ),
    AttackType.FACILITY_INFRASTRUCTURE_ATTACK: (6, (
        "Arson attempt at {part}", "Molotov cocktail thrown at {part}", "Fire set at {part}",
        "Arson of a vehicle in {part}",
    ), (
        "an attacker threw a Molotov cocktail at {part}", "arson destroyed part of {part}",
        "someone poured gasoline on {part} and set it alight", "a Molotov cocktail failed to ignite at {part}",
    ), ((WeaponType.INCENDIARY, "Molotov cocktail"), (WeaponType.INCENDIARY, "gasoline"),
        (WeaponType.INCENDIARY, "road flare")),
    ),
    AttackType.UNARMED_ASSAULT: (4, (
        "Officer assaulted at {part}", "Guard punched at {part}", "Assault on staff at {part}",
    ), (
        "an officer was punched at {part}", "a guard was shoved to the ground at {part}",
    ), ((WeaponType.MELEE, "fists"), (WeaponType.UNKNOWN, "")),
    ),
    AttackType.ARMED_ASSAULT: (2, (
        "Shooting at {part}", "Shots fired at {part} overnight", "Armed attack on {part}",
    ), (
        "a gunman fired {n} shots at {part}", "shots struck {part} during the night",
        "an armed man opened fire on {part} and was shot by officers",
    ), ((WeaponType.FIREARMS, "rifle"), (WeaponType.FIREARMS, "handgun"), (WeaponType.FIREARMS, "shotgun")),
    ),
    AttackType.BOMBING_EXPLOSION: (1, (
        "Explosive device detonated near {part}", "Pipe bomb found at {part}", "Incendiary device exploded at {part}",
    ), (
        "a pipe bomb exploded near {part}", "a device with a timer was found at {part}",
    ), ((WeaponType.EXPLOSIVES, "pipe bomb"), (WeaponType.EXPLOSIVES, "IED"), (WeaponType.INCENDIARY, "propane tank")),
    ),
    AttackType.HOSTAGE_TAKING: (1, ("Hostage taken at {part}",), ("a detainee held a guard hostage at {part}",),
                                ((WeaponType.MELEE, "improvised knife"),)),
    AttackType.ASSASSINATION: (1, ("Targeted shooting of an agent near {part}",),
                               ("an agent was targeted leaving {part}",), ((WeaponType.FIREARMS, "handgun"),)),
    AttackType.OTHER: (2, ("Suspicious package at {part}", "Laser pointed at {part}"),
                       ("a suspicious package was left at {part}",), ((WeaponType.OTHER, ""),)),
    AttackType.UNKNOWN: (2, ("Unexplained damage at {part}", "Incident at {part}"),
                         ("the cause of damage to {part} is not known",), ((WeaponType.UNKNOWN, ""),)),
}  # fmt: skip
OPENINGS = ("Overnight", "Shortly after midnight", "During the morning shift change", "In the early afternoon",
            "Late in the evening", "Before dawn", "On a weekend night", "At about noon")  # fmt: skip
FOLLOW_UPS = (
    "Guards reviewed camera footage.", "FPS officers canvassed the area.", "Local police took a report.",
    "No one was inside at the time.", "Staff were moved away from the area.",
    "The area was cordoned off for evidence collection.", "Witnesses described a dark sedan leaving the scene.",
    "A suspect was seen on camera wearing a hooded jacket.", "The facility manager estimated the damage.",
    "The FBI Joint Terrorism Task Force was notified.", "Detainees were kept in their housing units.",
    "Contract guards doubled patrols for a week.",
)  # fmt: skip
AGENCIES = ("FPS", "FPS; local police", "FBI; FPS", "ICE OPR", "FBI JTTF; FPS; local police", "local police", "")
SOURCES = ("Facility incident report", "FPS daily log", "Local news report", "DHS memorandum of 12 Sept 2019",
           "", "Police report; news coverage")  # fmt: skip
PLAN_ACTIONS = (
    "Install bollards at",
    "Add cameras covering",
    "Harden the windows of",
    "Add a guard post at",
    "Survey the lighting of",
    "Add visitor screening at",
    "Replace the fence of",
    "Add fire suppression to",
)
OWNERS = ("FPS", "Facility manager", "ICE ERO security", "GSA", "Contract guard supervisor")
