"""World-knowledge lists for the entity tagger: well-known places, organizations, demonyms.

Hand-written from general knowledge (largest world and US cities, the best-known companies,
media, leagues and public bodies), not from any evaluation corpus. They type a name only when
the whole name matches and no structural cue in the article typed it already; they never make
a capitalised word an entity by themselves. Names that are ordinary English words as often as
names ("Target", "Gap", "Jackson", "Charlotte") are left out on purpose.
"""

from __future__ import annotations

#: Major cities and regions (lower case, whole-name match), beyond COUNTRIES_STATES.
PLACES = frozenset(
    w.strip() for w in """hong kong|singapore|shanghai|shenzhen|guangzhou|wuhan|chongqing|
    tianjin|taipei|seoul|
    pyongyang|osaka|kyoto|bangkok|hanoi|jakarta|manila|kuala lumpur|mumbai|delhi|new delhi|
    bangalore|bengaluru|kolkata|chennai|hyderabad|karachi|lahore|islamabad|kabul|dhaka|
    tehran|baghdad|damascus|beirut|jerusalem|tel aviv|gaza|west bank|amman|riyadh|dubai|
    abu dhabi|doha|ankara|istanbul|cairo|nairobi|lagos|abuja|johannesburg|cape town|
    addis ababa|kinshasa|accra|casablanca|algiers|tunis|tripoli|khartoum|madrid|barcelona|
    lisbon|rome|milan|naples|venice|florence|athens|vienna|prague|budapest|warsaw|krakow|
    bucharest|sofia|belgrade|zagreb|kyiv|kiev|minsk|st. petersburg|saint petersburg|
    amsterdam|rotterdam|brussels|geneva|zurich|frankfurt|munich|hamburg|cologne|stockholm|
    oslo|copenhagen|helsinki|dublin|edinburgh|glasgow|manchester|liverpool|birmingham|leeds|
    bristol|cardiff|belfast|toronto|montreal|vancouver|ottawa|calgary|mexico city|havana|
    bogota|lima|santiago|buenos aires|sao paulo|rio de janeiro|caracas|sydney|melbourne|
    brisbane|perth|auckland|wellington|new york city|nyc|manhattan|brooklyn|queens|bronx|
    staten island|san diego|san jose|san antonio|fort worth|el paso|jacksonville|
    columbus|indianapolis|charlotte nc|nashville|memphis|louisville|milwaukee|minneapolis|
    st. louis|st louis|kansas city|oklahoma city|tulsa|omaha|las vegas|reno|albuquerque|
    tucson|sacramento|fresno|oakland|portland|salt lake city|honolulu|anchorage|pittsburgh|
    cleveland|cincinnati|buffalo|new orleans|tampa|orlando|raleigh|richmond|hollywood|
    silicon valley|wall street|the bronx|uk|u.k|u.s.a|the netherlands|the uk|ukraine|belarus|
    hungary|romania|bulgaria|serbia|croatia|czech republic|slovakia|slovenia|estonia|latvia|
    lithuania|iceland|luxembourg|afghanistan|bangladesh|nepal|sri lanka|myanmar|thailand|
    cambodia|laos|malaysia|philippines|taiwan|mongolia|kazakhstan|uzbekistan|georgia|armenia|
    azerbaijan|lebanon|jordan|saudi arabia|yemen|oman|qatar|kuwait|bahrain|libya|tunisia|
    algeria|morocco|sudan|somalia|ghana|senegal|uganda|tanzania|rwanda|congo|zimbabwe|
    venezuela|colombia|peru|chile|bolivia|ecuador|paraguay|uruguay|cuba|haiti|jamaica|
    puerto rico|guatemala|honduras|el salvador|nicaragua|panama|costa rica|greenland|
    antarctica|arctic|siberia|crimea|kashmir|tibet|xinjiang|catalonia|scandinavia|
    middle east|latin america|north america|south america|central america|southeast asia|
    east asia|caribbean|balkans|
    earth|moon|mars|jupiter|saturn|venus|neptune|uranus|pluto|europa|solar system""".split("|")
) - {""}

#: Well-known organizations, matched case-sensitively on the whole name.
ORGS = frozenset(
    """Apple Microsoft Amazon Alphabet Google Meta Facebook Instagram WhatsApp YouTube Twitter
    TikTok ByteDance Snapchat LinkedIn Reddit Pinterest Netflix Spotify Hulu Disney Comcast
    NBCUniversal Paramount ViacomCBS WarnerMedia Sony Nintendo Samsung Huawei Xiaomi Lenovo
    Dell HP IBM Intel AMD Nvidia Qualcomm Oracle Salesforce Adobe Cisco SAP Uber Lyft Airbnb
    Tesla SpaceX Ford GM Toyota Honda Nissan Volkswagen BMW Mercedes-Benz Daimler Audi
    Porsche Hyundai Kia Boeing Airbus Lockheed Raytheon Walmart Costco Kroger Starbucks
    McDonald's Coca-Cola PepsiCo Nike Adidas Alibaba Tencent Baidu JPMorgan Citigroup
    Citi BlackRock Visa Mastercard PayPal SoftBank ExxonMobil Exxon Chevron BP Pfizer
    Moderna Merck AstraZeneca Bayer Siemens GE Verizon AT&T T-Mobile Twitch WeChat Weibo
    Reuters Bloomberg CNN BBC ESPN NPR PBS CBS NBC MSNBC CNBC HBO Politico Axios
    NBA NFL MLB NHL NCAA MLS FIFA UEFA IOC WHO UN NATO EU IMF OPEC WTO CDC FDA EPA FBI
    CIA NSA NASA ESA SEC FTC FCC DOJ DHS ICE Pentagon Kremlin Taliban Hamas Hezbollah ISIS
    Greenpeace WikiLeaks Interpol Europol Foxconn TSMC Uniqlo IKEA Ikea Nestle
    Unilever Gazprom Aramco Rosneft Ryanair Lufthansa Emirates FedEx UPS DHL eBay
    Etsy Shopify Dropbox Yahoo Mozilla OpenAI DeepMind Nokia Ericsson Philips
    Panasonic Toshiba Hitachi Nikon Asus Acer Logitech Bose Peloton Fitbit Garmin
    GoPro Roku Sonos Dyson Vodafone Telefonica Barclays HSBC UBS Nasdaq NYSE VW Lexus Motorola
    OnePlus Chevrolet Subaru Mazda Volvo Ferrari Ubisoft Gannett VMware Rakuten Razer""".split()
) | frozenset(
    {"Home Depot", "Goldman Sachs", "Morgan Stanley", "Wells Fargo", "Bank of America",
     "Berkshire Hathaway", "Johnson & Johnson", "General Motors", "General Electric",
     "Lockheed Martin", "Fox News", "New York Times", "Washington Post", "Wall Street Journal",
     "Associated Press", "Red Cross", "Amnesty International", "Human Rights Watch",
     "World Bank", "European Union", "United Nations", "White House", "Supreme Court",
     "Federal Reserve", "Blue Origin", "Warner Bros", "Walt Disney", "Deutsche Bank",
     "Procter & Gamble", "Electronic Arts", "Epic Games", "Activision Blizzard",
     "Northrop Grumman", "Live Nation", "Business Insider"}
)

#: Nationality and group adjectives and their plurals: words about a place, not names.
_DEMONYM_BASES = """american british english scottish welsh irish french german italian
    spanish portuguese russian ukrainian chinese japanese korean indian pakistani iranian
    iraqi syrian israeli palestinian egyptian canadian mexican brazilian argentine argentinian
    australian turkish greek polish swedish norwegian finnish danish dutch belgian swiss
    austrian vietnamese indonesian nigerian kenyan ethiopian african european asian afghan
    saudi emirati qatari lebanese jordanian yemeni libyan sudanese somali venezuelan
    colombian chilean peruvian cuban filipino thai malaysian singaporean taiwanese hungarian
    romanian bulgarian serbian croatian czech slovak belarusian armenian azerbaijani kazakh
    uzbek mongolian tibetan bangladeshi nepali burmese cambodian latino latina hispanic arab
    kurdish jewish muslim catholic protestant western eastern scandinavian nordic caribbean
    texan californian glaswegian londoner parisian""".split()
DEMONYMS = frozenset(
    _DEMONYM_BASES
    + [w + "s" for w in _DEMONYM_BASES if w.endswith(("an", "i", "ic", "er", "o", "a"))]
    + ["north american", "south american", "latin american", "middle eastern", "sri lankan",
       "new zealander", "democratic", "republican", "conservative", "liberal"]
)

#: Very well-known product lines, platforms and technical standards (case-sensitive, whole
#: name; a plural "iPhones" matches too). Words that are ordinary English or a team's name as
#: often ("Switch", "Echo", "Surface", "Lightning", "Office") only in a longer name.
PRODUCTS = frozenset(
    """iPhone iPad iPod iMac MacBook AirPods AirPod HomePod AirPlay FaceTime iMessage iCloud
    iTunes Siri CarPlay MagSafe iOS iPadOS macOS watchOS tvOS Alexa Kindle Chromecast Stadia
    Gmail Chromebook Fitbit Xbox PlayStation PS4 PS5 PSVR Wii Joy-Con Joy-Cons DualShock
    Galaxy Android Windows Photoshop PowerPoint Fortnite Minecraft Roomba Cybertruck Autopilot
    Dreamliner A320 A330 A350 A380 737 747 777 787 Prius Corolla Camry Mustang F-150
    Bluetooth Wi-Fi WiFi USB USB-A USB-B USB-C HDMI Thunderbolt DisplayPort Ethernet
    Starlink Starship Hubble""".split()
) | frozenset(
    {"Apple Watch", "Apple TV", "Apple Pay", "Apple Music", "Apple Arcade", "Apple Card",
     "Face ID", "Touch ID", "Touch Bar", "Magic Keyboard", "Mac Pro", "Mac mini",
     "Amazon Echo", "Echo Dot", "Echo Show", "Echo Buds", "Fire TV", "Amazon Prime",
     "Prime Video", "Google Assistant", "Google Maps", "Google Home", "Google Chrome",
     "Nest Hub", "Nintendo Switch", "Switch Lite", "Xbox One", "Game Boy", "Microsoft Office",
     "Microsoft Teams", "Surface Pro", "Surface Laptop", "Model S", "Model 3", "Model X",
     "Model Y", "Falcon 9", "Falcon Heavy", "Crew Dragon", "Space Launch System",
     "Hubble Space Telescope", "James Webb Space Telescope", "Boeing 737 Max", "737 Max",
     "Instant Pot", "Call of Duty", "Grand Theft Auto", "Red Dead Redemption",
     "Tomb Raider", "Half-Life", "Intel Core", "Dolby Atmos", "Disney+"}
)

#: Team names of the four major North American leagues and short names of the best-known
#: football clubs: organizations wherever they appear (no ordinary words).
TEAMS = frozenset(
    w.strip() for w in """49ers|Bengals|Steelers|Browns|Ravens|Texans|Colts|Titans|Jaguars|
    Broncos|Chargers|Raiders|Cowboys|Redskins|Packers|Vikings|Buccaneers|Seahawks|Falcons|
    Dolphins|Patriots|Lakers|Celtics|Knicks|Pistons|Cavaliers|Cavs|Mavericks|Mavs|Grizzlies|
    Pelicans|Raptors|Timberwolves|Pacers|Hornets|Trail Blazers|Sixers|76ers|Spurs|Warriors|
    Clippers|Nuggets|Yankees|Dodgers|Mets|Cubs|Red Sox|White Sox|Astros|Braves|Phillies|Padres|
    Mariners|Orioles|Rockies|Diamondbacks|Brewers|Marlins|Blue Jays|Bruins|Canadiens|
    Blackhawks|Penguins|Flyers|Sabres|Oilers|Canucks|Maple Leafs|Red Wings|Blue Jackets|
    Golden Knights|Islanders|Coyotes|Hurricanes|Arsenal|Tottenham|Juventus|
    Bayern Munich|Real Madrid|Atletico Madrid|Manchester United|Manchester City|Man United|
    Man City|Paris Saint-Germain|Borussia Dortmund|Inter Milan|AC Milan""".split("|")
)
#: Team names that are also ordinary words or places ("Wild", "Senators", "Kings"): an
#: organization only in an article about sport.
SPORT_TEAMS = frozenset(
    """Giants Jets Eagles Bears Lions Saints Panthers Chiefs Cardinals Rams Bills Heat Magic
    Jazz Thunder Kings Suns Nets Bulls Bucks Hawks Rockets Wizards Reds Royals Twins
    Athletics Pirates Nationals Tigers Angels Rangers Senators Capitals Predators Devils
    Lightning Wild Stars Blues Sharks Ducks Flames Avalanche Kraken Chelsea Ajax
    Everton Wildcats Gophers Commodores Buckeyes Wolverines Longhorns Huskies
    Spartans Hoosiers Seminoles Gators""".split()
) | frozenset({"Crimson Tide", "Nittany Lions"})

#: Parties and their members as a group: a fact-checker reads "Democrats say" as the party.
PARTIES = frozenset(
    w.strip() for w in """Democrats|Republicans|Dems|GOP|Democratic Party|Republican Party|
    Tories|Labour|Labour Party|Conservatives|Conservative Party|Liberal Democrats|Lib Dems|
    Brexit Party|Green Party|SNP|Liberal Party|Bharatiya Janata Party|BJP|
    Congress Party|AfD|Christian Democrats|Social Democrats""".split("|")
)
