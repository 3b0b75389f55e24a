/**
 * Words too common to say anything about a claim, by language. Kept short on
 * purpose: BM25 already discounts frequent words; these only stop function
 * words and reporting verbs from dominating a short claim ("said" appears in
 * almost every stance, so it would match everything and explain nothing).
 * Written folded (lower case, ё→е) because they are compared after folding.
 */
const EN = `a an the and or but nor of to in on at by for from with without into onto over under about as is are was were be been being
it its it's this that these those there here than then so such not no do does did done has have had having will would shall should
can could may might must he she they them their his her him we our us you your i me my who whom which what when where while also
any all some one only very just more most other same own said says say saying told tells according stated added claimed insisted
again even still ever if per via upon after before since until s`;
const DE = `der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war waren sei wird werden
wurde wurden hat haben hatte zu im in am an auf aus bei mit nach von vor fur uber unter um sich er sie es wir ihr man dass wie als
auch noch nur so sagte sagt laut zufolge erklarte`;
const RU = `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из
ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут
где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой
им более всегда конечно всю между заявил заявила сказал сказала словам по-словам`;
const UK = `і й та в у на з із зі до від що це як але не ні він вона воно вони ми ви я ти його її їх їм нам вам бо чи для при про
під над за між через після перед також вже ще лише тільки був була було були буде бути є який яка яке які цей ця це ці той та те ті
заявив заявила сказав сказала словами`;

export const STOPWORDS: ReadonlySet<string> = new Set([EN, DE, RU, UK].flatMap((list) => list.split(/\s+/u)).filter(Boolean));
