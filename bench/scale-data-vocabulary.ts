// Word and sentence pools for bench/generate-scale-data.ts. Placeholders in braces are filled per
// row in SQL: {product} {order} {name} {agent} {days} {tracking} {carrier} {city} {size} {color}.
// The pools are broad on purpose: full-text search must meet a helpdesk's real vocabulary (a few
// words in most messages, a long tail of product names and numbers), not a handful of repeated lines.

export const FIRST_NAMES = [
  "Maria", "James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Sofia", "Mateo", "Isabella", "Ethan", "Mia", "Leo",
  "Amelia", "Daniel", "Chloe", "Samuel", "Grace", "David", "Hannah", "Omar", "Layla", "Yusuf", "Aisha", "Ivan", "Anya", "Dmitri",
  "Elena", "Marco", "Giulia", "Luca", "Francesca", "Pierre", "Camille", "Hugo", "Lea", "Jonas", "Lena", "Felix", "Clara", "Sven",
  "Ingrid", "Kenji", "Yuki", "Hiroshi", "Mei", "Wei", "Li", "Arjun", "Priya", "Rahul", "Ananya", "Carlos", "Lucia", "Diego",
  "Valentina", "Pedro", "Beatriz", "Tomasz", "Zofia", "Jakub", "Katarzyna", "Oliver", "Charlotte", "Harry", "Jessica", "George",
  "Emily", "Jack", "Sophie", "Thomas", "Lily", "William", "Ella", "Michael", "Sarah", "Robert", "Laura", "Joseph", "Nina", "Kevin",
  "Rachel", "Brian", "Megan", "Eric", "Natalie", "Adam", "Victoria", "Ryan", "Alice", "Nathan", "Zoe", "Tyler", "Ruby", "Aaron",
  "Hazel", "Connor", "Ivy", "Dylan",
];

export const LAST_NAMES = [
  "Garcia", "Smith", "Johnson", "Brown", "Williams", "Jones", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
  "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
  "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
  "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Dubois", "Moreau",
  "Laurent", "Simon", "Michel", "Kowalski", "Nowak", "Wisniewski", "Ivanov", "Petrov", "Sokolov", "Popov", "Tanaka", "Suzuki",
  "Takahashi", "Watanabe", "Yamamoto", "Chen", "Wang", "Zhang", "Liu", "Yang", "Kumar", "Sharma", "Patel", "Singh", "Gupta",
  "Silva", "Santos", "Oliveira", "Costa", "Pereira", "Jensen", "Hansen", "Nielsen", "Larsen", "Andersson", "Johansson", "Okafor",
  "Mensah",
];

export const EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com", "gmx.de", "mail.ru", "web.de", "live.co.uk", "fastmail.com"];

export const REGIONS = ["US-East", "US-West", "US-Central", "Canada", "UK", "Germany", "France", "Italy", "Spain", "Nordics", "Poland", "Australia", "Japan", "Brazil", "Mexico"];

export const PRODUCT_ADJECTIVES = [
  "waterproof", "lightweight", "insulated", "merino", "organic", "recycled", "stretch", "quilted", "packable", "heavyweight",
  "breathable", "thermal", "reflective", "vintage", "slim", "relaxed", "cropped", "oversized", "ribbed", "fleece", "down",
  "canvas", "leather", "suede", "linen", "cotton", "wool", "cashmere", "denim", "nylon", "bamboo", "trail", "alpine", "coastal",
  "urban", "classic", "heritage", "performance", "everyday", "travel",
];

export const PRODUCT_ITEMS = [
  "jacket", "parka", "hoodie", "sweater", "cardigan", "vest", "shirt", "t-shirt", "polo", "blouse", "dress", "skirt", "jeans",
  "chinos", "shorts", "leggings", "joggers", "trousers", "socks", "beanie", "scarf", "gloves", "mittens", "cap", "hat", "backpack",
  "duffel", "tote", "wallet", "belt", "boots", "sneakers", "sandals", "loafers", "slippers", "raincoat", "windbreaker", "poncho",
  "blanket", "pillow", "mug", "bottle", "thermos", "tent", "sleeping bag", "hammock", "headlamp", "umbrella", "sunglasses",
  "watch", "bracelet", "necklace", "earrings", "ring", "keychain", "phone case", "laptop sleeve", "gift card", "water filter",
  "trekking poles",
];

// Model names come from these syllables (a long, Zipf-like tail of rare tokens, like real catalogs).
export const MODEL_SYLLABLES = ["va", "ro", "ki", "ne", "ta", "lo", "mi", "sa", "dor", "ven", "tra", "mar", "qui", "zen", "bel", "cor", "fa", "lu", "pe", "rix", "sol", "tor", "ul", "vex", "wyn", "xa", "yor", "zo", "ash", "bri"];

export const COLORS = ["black", "navy", "olive", "charcoal", "burgundy", "sand", "forest green", "sky blue", "rust", "cream", "grey", "white", "red", "mustard", "lavender"];

export const SIZES = ["XS", "S", "M", "L", "XL", "XXL", "8", "9", "10", "11", "12", "one size"];

export const CARRIERS = ["UPS", "FedEx", "USPS", "DHL", "Royal Mail", "Canada Post", "DPD", "GLS", "Hermes", "PostNL", "Australia Post"];

export const CITIES = [
  "Chicago", "Austin", "Seattle", "Denver", "Boston", "Atlanta", "Portland", "Toronto", "Vancouver", "London", "Manchester",
  "Berlin", "Munich", "Hamburg", "Paris", "Lyon", "Milan", "Rome", "Madrid", "Barcelona", "Warsaw", "Stockholm", "Oslo",
  "Copenhagen", "Sydney", "Melbourne", "Tokyo", "Osaka", "Sao Paulo", "Mexico City",
];

export const CATEGORIES = ["Shipping", "Returns", "Refunds", "Product question", "Billing", "Account", "Order change", "Damaged item", "Wrong item", "Warranty"];

export const TAGS = ["vip", "repeat", "wholesale", "fragile", "gift", "international", "backorder", "preorder", "chargeback", "influencer", "bulk", "sale"];

export const TEAMS: ReadonlyArray<{ name: string; level: number }> = [
  { name: "Orders & Shipping", level: 1 },
  { name: "Returns & Refunds", level: 1 },
  { name: "Billing", level: 1 },
  { name: "Escalations", level: 2 },
];

export const SUBJECTS = [
  "Where is my order #{order}?",
  "Order #{order} has not arrived",
  "Tracking not updating for order #{order}",
  "Wrong size {product}",
  "Received the wrong item in order #{order}",
  "Return request: {product}",
  "Refund for order #{order}",
  "Still waiting for my refund",
  "{product} arrived damaged",
  "Question about the {product}",
  "Can I change my shipping address?",
  "Cancel order #{order}",
  "Exchange {product} for size {size}",
  "Missing item from order #{order}",
  "Double charged for order #{order}",
  "Discount code not working",
  "When will the {product} be back in stock?",
  "Is the {product} waterproof?",
  "Package marked delivered but not received",
  "Customs fees for my order",
  "Gift wrapping for order #{order}",
  "Warranty claim: {product}",
  "The zipper on my {product} broke",
  "Color looks different from the photos",
  "Need an invoice for order #{order}",
  "Can't log in to my account",
  "Change payment method",
  "Bulk order enquiry",
  "Delivery to {city}?",
  "Return label not working",
  "Order stuck in processing",
  "Price adjustment request",
  "Sizing advice for the {product}",
  "Preorder delivery date",
  "Help with my order",
];

export const GREETINGS = ["Hi,", "Hello,", "Hi there,", "Hey,", "Good morning,", "Good afternoon,", "Dear support team,", "Hello team,", "Hi guys,", ""];

export const CUSTOMER_OPENERS = [
  "I ordered the {color} {product} in size {size} {days} days ago (order #{order}) and it still hasn't arrived.",
  "my order #{order} shows as shipped with {carrier} but the tracking has not moved for {days} days.",
  "I received my {product} today but it is the wrong size, I ordered {size}.",
  "the {product} I got in order #{order} has a tear near the seam, can I get a replacement?",
  "I would like to return the {product}, it does not fit well. How do I get a return label?",
  "I returned the {product} two weeks ago and I am still waiting for the refund.",
  "the package was marked as delivered yesterday but there is nothing at my door in {city}.",
  "can you tell me if the {product} runs small? I am usually a {size}.",
  "I was charged twice for order #{order}, please refund the duplicate payment.",
  "the discount code from your newsletter does not work at checkout.",
  "I need to change the shipping address on order #{order}, I moved to {city} last week.",
  "please cancel order #{order}, I ordered the wrong color by mistake.",
  "the {color} {product} looks much darker than on the website photos.",
  "one item is missing from my order #{order}, I only got the {product}.",
  "the zipper on my {product} broke after two weeks of normal use.",
  "do you ship to {city}? And how long does delivery usually take?",
  "I was asked to pay customs fees when the {carrier} driver came, is that right?",
  "when will the {product} in {color} be back in stock?",
  "my order has been stuck in processing for {days} days, is something wrong?",
  "I can't log into my account, the password reset email never arrives.",
  "could you send me an invoice with VAT for order #{order}?",
  "I bought the {product} a week before your sale started, can I get the price difference?",
  "the return label you sent does not scan at the {carrier} drop-off point.",
  "the stitching on the {product} is coming apart, is it covered by the warranty?",
  "I'd like to exchange the {product} for a size {size} instead.",
  "is the {product} machine washable?",
  "the box arrived crushed and the {product} inside is scratched.",
  "I got someone else's order, the label says {city} but the items are not mine.",
  "I'd like to order 40 units of the {product} for our team, do you offer a bulk discount?",
  "my gift order #{order} needs to arrive before Friday, is express shipping possible?",
];

export const CUSTOMER_FOLLOW_UPS = [
  "Any update on this?",
  "Thanks, I just checked and it is still the same.",
  "I attached a photo of the damage.",
  "Here is the tracking number from the email: {tracking}.",
  "Ok, I will wait a few more days.",
  "That works for me, thank you!",
  "I already tried that and it didn't help.",
  "Can you please hurry, I need it for a trip next week.",
  "I dropped the parcel off at {carrier} this morning.",
  "The refund has not shown up on my card yet.",
  "Size {size} would be perfect, thanks.",
  "My neighbour did not receive it either.",
  "I'd prefer store credit instead of a refund.",
  "Is there a phone number I can call?",
  "Great, it arrived today. Thanks for the help!",
  "This is the third time I am writing about this.",
  "Sorry, I meant order #{order}, not the other one.",
  "The courier said the address was incomplete.",
  "I paid with PayPal, not with a card.",
  "Please send the replacement in {color}.",
];

export const SIGNOFFS = ["Thanks,", "Thank you,", "Best regards,", "Cheers,", "Kind regards,", "Regards,", "Thanks a lot,", "Many thanks,", ""];

export const AGENT_REPLIES = [
  "thanks for reaching out. I checked order #{order} and it left our warehouse {days} days ago with {carrier}; the tracking number is {tracking}.",
  "sorry about the trouble with your {product}. I have created a prepaid return label for you, it is attached to this message.",
  "I have issued a full refund for order #{order}; it should appear on your statement within 5 to 10 business days.",
  "I'm sorry the {product} arrived damaged. We are sending a replacement in {color}, size {size}, at no cost.",
  "I have updated the shipping address on order #{order} to the new one in {city}.",
  "your order #{order} has been cancelled and the payment authorisation released.",
  "I've asked {carrier} to open a trace on the parcel; they usually answer within 48 hours and I will update you.",
  "the {product} runs true to size; if you are between sizes we recommend sizing up.",
  "I can see the duplicate charge and I have refunded it; the original payment stays in place.",
  "the code expired at the end of the promotion, but I have applied the same discount to order #{order} manually.",
  "the {product} in {color} is expected back in stock in about three weeks; I added you to the restock notification list.",
  "customs fees for deliveries to {city} are charged by the carrier on arrival; our checkout mentions this under shipping.",
  "I have reset your account, you should receive a login link in a few minutes. Please check your spam folder too.",
  "I've attached the invoice for order #{order} with the VAT breakdown.",
  "we have honoured the price difference and refunded it to your original payment method.",
  "the exchange for size {size} is set up: once {carrier} scans your return we ship the new {product} the same day.",
  "the {product} is covered by our two year warranty, so we will replace it. No need to send the old one back.",
  "it is machine washable at 30 degrees; please do not tumble dry it.",
  "express shipping to {city} is possible, I have upgraded order #{order} for free.",
  "I forwarded your bulk enquiry to our wholesale team, they will contact you by email with a quote.",
];

export const AGENT_FOLLOW_UPS = [
  "Is there anything else I can help you with?",
  "Let me know if the new label works for you.",
  "I will keep this ticket open until the parcel arrives.",
  "Please reply with a photo of the label so I can check it.",
  "Could you confirm the full delivery address including the apartment number?",
  "I'll check with the warehouse and get back to you tomorrow.",
  "Your replacement has shipped, tracking number {tracking}.",
  "Sorry again for the inconvenience.",
  "The refund was processed today.",
  "I have marked this as resolved, just reply if anything else comes up.",
];

export const AGENT_CLOSINGS = ["Best,", "Kind regards,", "Thanks,", "Cheers,", "All the best,", "Have a great day,"];

export const NOTES = [
  "Customer called about this as well, same issue.",
  "Checked with the warehouse: item was packed on day {days}, scan missing at {carrier}.",
  "Refund approved by supervisor, amount under threshold.",
  "Repeat customer, third damaged delivery this year: consider switching carrier for {city}.",
  "Waiting for {carrier} trace result before we reship.",
  "Order #{order} flagged by fraud check, do not reship until payment clears.",
  "Offered store credit, customer prefers refund.",
  "Known issue with the {product} zipper batch, see the quality report.",
  "Escalating to level 2: customer threatens chargeback.",
  "Address verified with the customer by phone.",
  "Warehouse confirms {product} size {size} is out of stock, offered {color} instead.",
  "Duplicate of an earlier ticket about order #{order}.",
];

export const ACTIVITIES = [
  "Status changed from Open to In progress",
  "Status changed from In progress to Waiting on customer",
  "Status changed from Waiting on customer to In progress",
  "Status changed to Resolved",
  "Assigned to {agent}",
  "Priority changed from Normal to High",
  "Tagged as {color}",
  "SLA first response warning",
  "Order #{order} status changed to Shipped",
  "Tracking {tracking} added by {carrier}",
];

// A few rarely used words, each in a handful of messages: the selective searches look for these.
export const RARE_SENTENCES = [
  "My grandmother knitted a kaleidoscope pattern onto the sleeve.",
  "It was meant as a present for my nephew's quinceañera.",
  "The parcel smelled strongly of marzipan when it arrived.",
  "Our dachshund chewed the packaging before I could open it.",
  "I wanted to wear it at the zeppelin museum next weekend.",
  "The courier left it with the concierge at the observatory.",
  "My cockatoo has already claimed the box as its new home.",
  "I need it before the regatta on the lake.",
  "It is for a trip to the archipelago in June.",
  "The label was printed in what looks like Esperanto.",
];
