import { accessMessages } from "../../platform/access/index.js";
import { type Catalogs, commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);
const tags = (list: readonly string[]) => list.map((tag) => `\`#${tag}\``).join(", ");

const HELP_EN = [
  "*`/product`* shows your team's products: their tags and key selling points.",
  "*Everyone*",
  "• `/product` or `/product list`: the list  • `/product help`: this help",
  "• `/product spotlight`: which product the team's spotlight shows next, and when",
  "• Link a sale to a product with its tag: `/quota 12500 Acme #widget-pro`",
  "*The team's supervisors (and admins)*",
  "• `/product add Widget Pro | Installs in an hour | Five-year warranty`: add a product; `|` comes before each key selling point",
  "• `/product add`: add a product in a form",
  "• `/product edit [tag or name]`: change a product in a form",
  "• `/product remove [tag or name]`: take a product off the list (sales already tagged keep it)",
].join("\n");

const HELP_SV = [
  "*`/product`* visar teamets produkter: deras taggar och säljargument.",
  "*Alla*",
  "• `/product` eller `/product list`: listan  • `/product help`: den här hjälpen",
  "• `/product fokus`: vilken produkt teamets produktfokus visar härnäst, och när",
  "• Koppla en försäljning till en produkt med dess tagg: `/quota 12500 Acme #widget-pro`",
  "*Teamets handledare (och administratörer)*",
  "• `/product add Widget Pro | Installeras på en timme | Fem års garanti`: lägg till en produkt; `|` står före varje säljargument",
  "• `/product add`: lägg till en produkt i ett formulär",
  "• `/product edit [tagg eller namn]`: ändra en produkt i ett formulär",
  "• `/product remove [tagg eller namn]`: ta bort en produkt från listan (försäljningar som redan är taggade behåller den)",
].join("\n");

export const ownProductMessages = defineMessages(
  {
    "product.help": HELP_EN,
    "product.help.fallback": "Supervisor /product commands",

    // Which team, and who may change its list.
    "product.team.none":
      "This channel has no team, and you aren't in one. Run `/product` in your team's channel.",
    "product.team.several": (p: { teams: string[] }) =>
      `You are in several teams: ${en.format(p.teams)}. Run \`/product\` in a team's channel to see its products.`,
    "product.team.gone": "That team no longer exists.",
    "product.refused": (p: { team: string; supervisors: string[] }) =>
      p.supervisors.length > 0
        ? `Only the supervisors of ${p.team} (${en.format(who(p.supervisors))}) and admins can change its product list. Anyone in the team can read it with \`/product\`.`
        : `Only the supervisors of ${p.team} and admins can change its product list. Anyone in the team can read it with \`/product\`.`,

    // The spotlight (features/spotlight posts it; this is what comes next).
    "product.spotlight.next": (p: { team: string; name: string; day: string; time: string }) =>
      `Next in the product spotlight of ${p.team}: *${p.name}*, ${p.day} at ${p.time}.`,
    "product.spotlight.off": (p: { team: string; name: string }) =>
      `Product spotlights are turned off for ${p.team}. When they are on, *${p.name}* comes next.`,
    "product.spotlight.after": (p: { names: string }) => `After it: ${p.names}.`,
    "product.spotlight.more": (p: { count: number }) => `${p.count} more`,
    "product.spotlight.how":
      "Each spotlight puts the product shown least recently (a new one first) in the team channel, with its key selling points and its latest wins.",
    "product.spotlight.empty": (p: { team: string }) =>
      `${p.team} has no products on its list, so there is nothing to put in the spotlight. The team's supervisors add products with \`/product add\`.`,

    // The list.
    "product.list.title": (p: { team: string }) => `Products of ${p.team}`,
    "product.list.notHere": (p: { channel: string }) =>
      `This channel has no team; here are your team's products. Its channel is <#${p.channel}>.`,
    "product.list.empty": "No products on the list yet.",
    "product.list.emptyHowTo":
      "Add the first one with the button, or type `/product add Widget Pro | Installs in an hour | Five-year warranty`.",
    "product.list.emptyAsk": "The team's supervisors add products with `/product add`.",
    "product.list.tagHint": (p: { tag: string }) =>
      `Link a sale to a product with its tag: \`/quota 12500 Acme #${p.tag}\`. \`/product help\` shows more.`,
    "product.list.more": (p: { count: number }) => `…and ${p.count} more`,
    "product.list.others": "*More products* (change one with `/product edit [tag]`)",
    "product.item.noPoints": "_No key selling points yet._",
    "product.button.add": "Add product",
    "product.button.edit": "Edit",
    "product.button.remove": "Remove",
    "product.confirm.title": "Remove this product?",
    "product.confirm.text": (p: { name: string }) =>
      `${p.name} goes off the list: reps can no longer tag sales with it. Sales already tagged keep it.`,
    "product.confirm.yes": "Remove",
    "product.confirm.no": "Keep it",

    // Changes.
    "product.added": (p: { name: string; tag: string; team: string }) =>
      `Added *${p.name}* to the products of ${p.team}. Reps tag sales with \`#${p.tag}\`.`,
    "product.add.exists": (p: { name: string; tag: string }) =>
      `*${p.name}* is already on the list, with the tag \`#${p.tag}\`.`,
    "product.add.tagTaken": (p: { other: string; tag: string }) =>
      `*${p.other}* already has the tag \`#${p.tag}\`. Pick a name that gives another tag.`,
    "product.add.usage":
      "Give the product a name: `/product add Widget Pro | Installs in an hour | Five-year warranty`.",
    "product.removed": (p: { name: string; tag: string }) =>
      `Took *${p.name}* (\`#${p.tag}\`) off the product list. Sales already tagged with it keep it.`,
    "product.remove.already": (p: { name: string }) => `*${p.name}* is already off the list.`,
    "product.edit.archived": (p: { name: string }) =>
      `*${p.name}* is no longer on the list, so there is nothing to edit. Add it again with \`/product add\`.`,
    "product.gone": "That product no longer exists.",
    "product.changedMeanwhile":
      "Someone changed the product list at the same moment. Nothing was saved; please try again.",
    "product.unknown": (p: { ref: string; team: string; tags: string[] }) =>
      p.tags.length > 0
        ? `There is no product "${p.ref}" on the list of ${p.team}. Products: ${tags(p.tags)}.`
        : `There is no product "${p.ref}" on the list of ${p.team}; the list is empty.`,

    // Checks.
    "product.invalid.nameEmpty": "The product needs a name.",
    "product.invalid.nameLong": (p: { max: number }) => `Keep the name to ${p.max} characters or fewer.`,
    "product.invalid.nameChars": "Leave the angle brackets out of the product name.",
    "product.invalid.nameNoTag": "The name needs at least one letter or digit, so reps can tag it.",
    "product.invalid.keyPointsLong": (p: { max: number }) =>
      `Keep the key selling points to ${p.max} characters in all.`,

    // Parsing.
    "product.parse.needRef": (p: { command: string }) =>
      `Say which product: \`/product ${p.command} [tag or name]\`, for example \`/product ${p.command} widget-pro\`.`,
    "product.parse.unknown": (p: { word: string }) =>
      `I don't know "/product ${p.word}". \`/product help\` lists what I can do.`,

    // The modal.
    "product.modal.titleNew": "New product",
    "product.modal.titleEdit": "Edit product",
    "product.modal.titleSaved": "Product saved",
    "product.modal.create": "Add",
    "product.modal.save": "Save",
    "product.modal.cancel": "Cancel",
    "product.modal.team": (p: { team: string }) => `Product list of *${p.team}*`,
    "product.modal.name": "Product name",
    "product.modal.namePlaceholder": "Widget Pro",
    "product.modal.nameHint":
      "Reps tag sales with the name in lower case, words joined by dashes: Widget Pro becomes #widget-pro.",
    "product.modal.keyPoints": "Key selling points",
    "product.modal.keyPointsPlaceholder": "Installs in under an hour",
    "product.modal.keyPointsHint":
      "One per line: what reps tell customers, and what the channel sees when the product is in the spotlight.",
    "product.modal.created": (p: { name: string; tag: string }) =>
      `*${p.name}* is on the list. Reps tag sales with \`#${p.tag}\`.`,
    "product.modal.updated": (p: { name: string; tag: string }) =>
      `*${p.name}* is saved. Its tag is \`#${p.tag}\`.`,
    "product.modal.tagChanged": (p: { from: string; to: string }) =>
      `The tag changed from \`#${p.from}\` to \`#${p.to}\`; sales already tagged keep the product.`,
  },
  {
    "product.help": HELP_SV,
    "product.help.fallback": "Supervisors /product-kommandon",

    "product.team.none":
      "Den här kanalen har inget team, och du är inte med i något. Kör `/product` i ditt teams kanal.",
    "product.team.several": (p) =>
      `Du är med i flera team: ${sv.format(p.teams)}. Kör \`/product\` i ett teams kanal för att se dess produkter.`,
    "product.team.gone": "Det teamet finns inte längre.",
    "product.refused": (p) =>
      p.supervisors.length > 0
        ? `Bara handledarna för ${p.team} (${sv.format(who(p.supervisors))}) och administratörer kan ändra teamets produktlista. Alla i teamet kan läsa den med \`/product\`.`
        : `Bara handledarna för ${p.team} och administratörer kan ändra teamets produktlista. Alla i teamet kan läsa den med \`/product\`.`,

    "product.spotlight.next": (p: { team: string; name: string; day: string; time: string }) =>
      `Nästa produkt i fokus för ${p.team}: *${p.name}*, ${p.day} kl. ${p.time}.`,
    "product.spotlight.off": (p: { team: string; name: string }) =>
      `Produktfokus är avstängt för ${p.team}. När det är på kommer *${p.name}* härnäst.`,
    "product.spotlight.after": (p: { names: string }) => `Sedan: ${p.names}.`,
    "product.spotlight.more": (p: { count: number }) => `${p.count} till`,
    "product.spotlight.how":
      "Varje gång hamnar den produkt i fokus som visades för längst sedan (en ny först), i teamkanalen, med sina säljargument och senaste affärer.",
    "product.spotlight.empty": (p: { team: string }) =>
      `${p.team} har inga produkter på listan, så det finns inget att sätta i fokus. Teamets handledare lägger till produkter med \`/product add\`.`,

    "product.list.title": (p) => `Produkter i ${p.team}`,
    "product.list.notHere": (p) =>
      `Den här kanalen har inget team; här är ditt teams produkter. Teamets kanal är <#${p.channel}>.`,
    "product.list.empty": "Inga produkter på listan än.",
    "product.list.emptyHowTo":
      "Lägg till den första med knappen, eller skriv `/product add Widget Pro | Installeras på en timme | Fem års garanti`.",
    "product.list.emptyAsk": "Teamets handledare lägger till produkter med `/product add`.",
    "product.list.tagHint": (p) =>
      `Koppla en försäljning till en produkt med dess tagg: \`/quota 12500 Acme #${p.tag}\`. \`/product help\` visar mer.`,
    "product.list.more": (p) => `…och ${p.count} till`,
    "product.list.others": "*Fler produkter* (ändra en med `/product edit [tagg]`)",
    "product.item.noPoints": "_Inga säljargument än._",
    "product.button.add": "Lägg till produkt",
    "product.button.edit": "Ändra",
    "product.button.remove": "Ta bort",
    "product.confirm.title": "Ta bort produkten?",
    "product.confirm.text": (p) =>
      `${p.name} tas bort från listan: säljarna kan inte längre tagga försäljningar med den. Försäljningar som redan är taggade behåller den.`,
    "product.confirm.yes": "Ta bort",
    "product.confirm.no": "Behåll",

    "product.added": (p) =>
      `Lade till *${p.name}* bland produkterna i ${p.team}. Säljarna taggar försäljningar med \`#${p.tag}\`.`,
    "product.add.exists": (p) => `*${p.name}* finns redan på listan, med taggen \`#${p.tag}\`.`,
    "product.add.tagTaken": (p) =>
      `*${p.other}* har redan taggen \`#${p.tag}\`. Välj ett namn som ger en annan tagg.`,
    "product.add.usage":
      "Ge produkten ett namn: `/product add Widget Pro | Installeras på en timme | Fem års garanti`.",
    "product.removed": (p) =>
      `Tog bort *${p.name}* (\`#${p.tag}\`) från produktlistan. Försäljningar som redan är taggade med den behåller den.`,
    "product.remove.already": (p) => `*${p.name}* är redan borttagen från listan.`,
    "product.edit.archived": (p) =>
      `*${p.name}* finns inte längre på listan, så det finns inget att ändra. Lägg till den igen med \`/product add\`.`,
    "product.gone": "Den produkten finns inte längre.",
    "product.changedMeanwhile": "Någon ändrade produktlistan i samma ögonblick. Inget sparades; försök igen.",
    "product.unknown": (p) =>
      p.tags.length > 0
        ? `Det finns ingen produkt "${p.ref}" på listan för ${p.team}. Produkter: ${tags(p.tags)}.`
        : `Det finns ingen produkt "${p.ref}" på listan för ${p.team}; listan är tom.`,

    "product.invalid.nameEmpty": "Produkten behöver ett namn.",
    "product.invalid.nameLong": (p) => `Håll namnet till högst ${p.max} tecken.`,
    "product.invalid.nameChars": "Använd inte vinkelparenteser i produktens namn.",
    "product.invalid.nameNoTag":
      "Namnet behöver minst en bokstav eller siffra, så att säljarna kan tagga det.",
    "product.invalid.keyPointsLong": (p) => `Håll säljargumenten till högst ${p.max} tecken sammanlagt.`,

    "product.parse.needRef": (p) =>
      `Ange vilken produkt: \`/product ${p.command} [tagg eller namn]\`, till exempel \`/product ${p.command} widget-pro\`.`,
    "product.parse.unknown": (p) =>
      `Jag känner inte till "/product ${p.word}". \`/product help\` visar vad jag kan göra.`,

    "product.modal.titleNew": "Ny produkt",
    "product.modal.titleEdit": "Ändra produkt",
    "product.modal.titleSaved": "Produkten är sparad",
    "product.modal.create": "Lägg till",
    "product.modal.save": "Spara",
    "product.modal.cancel": "Avbryt",
    "product.modal.team": (p) => `Produktlistan för *${p.team}*`,
    "product.modal.name": "Produktens namn",
    "product.modal.namePlaceholder": "Ärlig Kaffe",
    "product.modal.nameHint":
      "Säljarna taggar försäljningar med namnet i gemener, ord förbundna med bindestreck: Ärlig Kaffe blir #ärlig-kaffe.",
    "product.modal.keyPoints": "Säljargument",
    "product.modal.keyPointsPlaceholder": "Installeras på under en timme",
    "product.modal.keyPointsHint":
      "Ett per rad: det säljarna säger till kunderna, och det kanalen får se när produkten lyfts fram.",
    "product.modal.created": (p) =>
      `*${p.name}* finns nu på listan. Säljarna taggar försäljningar med \`#${p.tag}\`.`,
    "product.modal.updated": (p) => `*${p.name}* är sparad. Taggen är \`#${p.tag}\`.`,
    "product.modal.tagChanged": (p) =>
      `Taggen ändrades från \`#${p.from}\` till \`#${p.to}\`; försäljningar som redan är taggade behåller produkten.`,
  },
);

/** The product feature's messages together with the common ones, as its translators see them. */
export const productMessages = mergeMessages(
  mergeMessages(commonMessages, accessMessages),
  ownProductMessages,
);
export type ProductMessages = (typeof productMessages)["en"];
export type ProductMessageCatalogs = Catalogs<ProductMessages>;
