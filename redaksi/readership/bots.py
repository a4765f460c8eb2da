"""Tell obvious robots from readers by their User-Agent: crawlers, link previews, headless browsers, tools.

The list is maintained here and nowhere else; add a family with a real User-Agent in tests/test_bots.py.
A reader's browser never names itself with any of these words.
"""

import re

ROBOT_SIGNS = (
    # crawlers and indexers: "Googlebot", "bingbot", "AhrefsBot", "archive.org_bot" (not the CUBOT phone)
    r"(?<!cu)bot\b",
    r"crawl",
    r"spider",
    r"slurp",
    r"ia_archiver",
    r"mediapartners-google",
    r"apis-google",
    r"google-inspectiontool",
    r"googleother",
    r"feedfetcher",
    # link previews of chat apps and social networks
    r"facebookexternalhit",
    r"facebookcatalog",
    r"whatsapp",
    r"preview",
    r"embedly",
    r"iframely",
    # headless and scripted browsers, audits, monitors
    r"headless",
    r"phantomjs",
    r"lighthouse",
    r"pingdom",
    r"statuscake",
    r"uptime",
    r"monitor",
    # HTTP libraries and command-line tools
    r"^curl/",
    r"\bwget\b",
    r"python-requests",
    r"python-urllib",
    r"python-httpx",
    r"aiohttp",
    r"go-http-client",
    r"okhttp",
    r"apache-httpclient",
    r"libwww-perl",
    r"^java/",
    r"node-fetch",
    r"axios/",
    r"scrapy",
    r"httrack",
    r"postmanruntime",
)
ROBOT = re.compile("|".join(ROBOT_SIGNS), re.IGNORECASE)


def is_reader(user_agent):
    """Whether a User-Agent looks like a person's browser: present, and naming no robot."""
    return bool(user_agent and user_agent.strip()) and ROBOT.search(user_agent) is None
