import { describe, expect, it } from 'vitest';
import { looksIdentifying, redactPhi } from '../../src/privacy/index.js';

/** [question, identifier that must disappear, kind reported] */
const IDENTIFYING: [string, string, string][] = [
  ['pt John Smith relapsed after HSCT, what now?', 'John Smith', 'name'],
  ['Penny Cash can cover the clinic on Sunday', 'Penny Cash', 'name'],
  ['Robin Fox, 88, and her daughter came to clinic', 'Robin Fox', 'name'],
  ["Jack said he'd bring the consent form", 'Jack', 'name'],
  ['Passenger: AL-MANSOURI/KHALID MR, seat 32A', 'AL-MANSOURI/KHALID', 'name'],
  ['Guest: ZHANG Wei, room 1204', 'ZHANG', 'name'],
  ['Patient Maria Lopez has JMML with monosomy 7', 'Maria Lopez', 'name'],
  ['Mr. Jones had graft loss at day +60', 'Jones', 'name'],
  ['Mrs Alvarez-Ruiz is on rapamycin', 'Alvarez-Ruiz', 'name'],
  ['our patient named Sam Patel has NRAS-mutant JMML', 'Sam Patel', 'name'],
  ['Patient: Lopez presented with splenomegaly', 'Lopez', 'name'],
  ['pt J.S. with KMT2A-rearranged AML', 'J.S.', 'name'],
  ['her name is Emily Chen and she is 3', 'Emily Chen', 'name'],
  ['MRN 12345678 has a PTPN11 mutation', '12345678', 'MRN'],
  ['MR# 0098-7765, relapse at 9 months', '0098-7765', 'MRN'],
  ['medical record number: A1234567 is ours', 'A1234567', 'MRN'],
  ['DOB 03/14/2022, is HSCT still indicated?', '03/14/2022', 'date of birth'],
  ['date of birth: March 14, 2022 with JMML', 'March 14, 2022', 'date of birth'],
  ['born on 2022-03-14, monosomy 7', '2022-03-14', 'date of birth'],
  ['admitted 4/2/2024 with fever after HSCT', '4/2/2024', 'date'],
  ['relapse noted on January 5, 2025 after transplant', 'January 5, 2025', 'date'],
  ['transplanted on 12 Feb 2024, what is the relapse risk?', '12 Feb 2024', 'date'],
  ['diagnosed in March 2023 with JMML', 'March 2023', 'date'],
  ['call the mother at (555) 123-4567 about the MRD result', '(555) 123-4567', 'phone'],
  ['fax 555-987-6543 the pathology report', '555-987-6543', 'phone'],
  ['dad cell 867-5309 if counts drop', '867-5309', 'phone'],
  ['email jane.doe@example.org the results', 'jane.doe@example.org', 'email'],
  ['lives at 42 Maple Street, Springfield', '42 Maple Street', 'address'],
  ['home is 1600 Pennsylvania Ave in town', '1600 Pennsylvania Ave', 'address'],
  ['Send the forms to 8134 N 7th Street by Friday', '8134 N 7th Street', 'address'],
  ['Send the forms to 2279 Beahan-Hudson Mill by Friday', '2279 Beahan-Hudson Mill', 'address'],
  ["She moved to 314 O'Connell Valleys last spring", "314 O'Connell Valleys", 'address'],
  ['Please ship it to Jln. Hasan no 17 by Friday', 'Jln. Hasan no 17', 'address'],
  ['Address: Hart 45b', 'Hart 45b', 'address'],
  ['can u bring my charger to 88 e 3rd st apt 5r? - jules', '88 e 3rd st', 'address'],
  ['Please leave it at Kingfisher House, 2 Mill Race Lane, Stourbridge', 'Kingfisher House', 'address'],
  ['Attn. Priscila Mamani, 3rd Floor, 221 Calle Las Begonias, Lima', '3rd Floor', 'address'],
  ['send it to Level 9, 60 Martin Place, Sydney', 'Level 9', 'address'],
  ["home: 'rosebank', 3 mill brow, marple", 'rosebank', 'address'],
  ['the shop at 9 and 11 Protea Street closed', '9 and', 'address'],
  ['Ship to: Everett Hunt, 45 Bayou Bend Rd', 'Hunt', 'name'],
  ['Payroll change: employee E-20417, new bank account from 1 December', 'E-20417', 'account number'],
  ['Springfield, IL 62704 family asks about rapamycin', '62704', 'ZIP code'],
  ['SSN 123-45-6789 insurance denied HSCT', '123-45-6789', 'SSN'],
  ['a 92-year-old with AML: venetoclax?', '92-year-old', 'age over 89'],
  ['aged 94 with MDS', '94', 'age over 89'],
  [
    'chart at https://ehr.example-hospital.org/chart?id=88123',
    'https://ehr.example-hospital.org/chart?id=88123',
    'URL',
  ],
  ['account number 55-221-9 billing', '55-221-9', 'account number'],
  ['member ID XQ8812345 prior auth for rapamycin', 'XQ8812345', 'account number'],
  ['server 10.12.0.44 had the scan', '10.12.0.44', 'IP address'],
  ['patient María González relapsed', 'María González', 'name'],
  ['JOHN SMITH relapsed after HSCT', 'JOHN SMITH', 'name'],
  ['smith, john has JMML', 'smith, john', 'name'],
  ["Dr. Ng's patient has monosomy 7", 'Ng', 'name'],
  ['a kid named Zoë with JMML', 'Zoë', 'name'],
  ['her maiden name is nyberg', 'nyberg', 'name'],
  ['Dzhambek is from the clinic', 'Dzhambek', 'name'],
  ['call +46 (0)8 928 571 38 after 5', '+46 (0)8 928 571 38', 'phone'],
  ['office 0490 75 40 81', '0490 75 40 81', 'phone'],
  ['Mrs Brown relapsed after the second line', 'Brown', 'name'],
  ['Miss Abby Ward relapsed after the second line', 'Abby Ward', 'name'],
  ['Chen Wei 陈伟 57M, NPC EBV DNA 340', '陈伟', 'name'],
  ['Contact person: נוי עומר', 'נוי עומר', 'name'],
  ['ФРОЛОВА ЛЮБОВЬ seen in clinic', 'ФРОЛОВА ЛЮБОВЬ', 'name'],
  ['Patient: ROYBAL LEMUS, ARTURO', 'ROYBAL LEMUS, ARTURO', 'name'],
  ['Applicant: LI Xiaoming   Gender: M', 'Xiaoming', 'name'],
  ['According to Helena Melo, the shipment is late.', 'Helena Melo', 'name'],
  ['Please forward to gunnar hansson.', 'gunnar hansson', 'name'],
  ['KVNR K000418276, Tel. 030 23125 418', 'K000418276', 'account number'],
  ['DVA Gold Card QX904127. wife at home', 'QX904127', 'account number'],
  ['Lab No: HS24-027731 received today', 'HS24-027731', 'MRN'],
  ['URN 2204183, Medicare pending', '2204183', 'MRN'],
  ["Gas cards provided. Loretta's cell 419-555-0123.", 'Loretta', 'name'],
  ['We used to live on Renner Meadow before the move.', 'Renner Meadow', 'address'],
  ['Is Ryleigh Road still closed for repairs?', 'Ryleigh Road', 'address'],
  ['is the room at 12 rose ave still free?', '12 rose ave', 'address'],
  ['User: 17 mill road, cambridge. my name is ezra', '17 mill road', 'address'],
  ['room in a 3-bed house at 71 honeysuckle way, bristol', '71 honeysuckle way', 'address'],
  ['the parcel went to 3 ash grove instead of 13 ash grove', '3 ash grove', 'address'],
  ['mail the package to aunty bisi at the shop', 'bisi', 'name'],
  ['booked: check-in 12/07, check-out 19/07', '19/07', 'date'],
  [
    'rebook at redeliver.example.co.nz/t/ANA-2291-TUPOU today',
    'redeliver.example.co.nz/t/ANA-2291-TUPOU',
    'URL',
  ],
  ['photos on hineana-tomasi.example.com', 'hineana-tomasi.example.com', 'URL'],
  ['water acct - name on bill: kelechi amadi - supply addr', 'kelechi amadi', 'name'],
  ["Ray's PET shows Deauville 4 (the pt Ray Dominguez-Fell, not the x-ray guy)", 'Ray', 'name'],
  ["is 'grace' in the epic list the same as Grace Oduya-Pratt?", 'grace', 'name'],
  ['Passenger: OKAFOR/ADA MS  DOB: 09MAR81  Seat 14C', '09MAR81', 'date of birth'],
  ['booking LHR-ACC 14NOV, one bag', '14NOV', 'date'],
  ['DOB: 02-Jan-1931, widowed', '02-Jan-1931', 'date of birth'],
  ["I don't recognise the charge from 12/02 - I was away", '12/02', 'date'],
  ['Zählerstand gemeldet am 28.02. per Telefon', '28.02', 'date'],
  ["she's staying with her son until the 20th.", '20th', 'date'],
  ['eating very little since the fourteenth full stop', 'fourteenth', 'date'],
  ['awarded to JOAQUÍN ESTEBAN MÁRQUEZ DE LA VEGA on 19 June 2025', 'VEGA', 'name'],
  ['Calle Arturo Prat 1140, Santiago, RUT 14.871.302-2.', '14.871.302-2', 'account number'],
  ['Surname: NWACHUKWU   Forename(s): Chidinma Grace', 'NWACHUKWU', 'name'],
  ['OPERATION NOTE Patient: Rafferty, Cormac J   MRN 00731904', 'Rafferty', 'name'],
  ['Überweisung: Frau Hannelore Schäfer-Demir', 'Hannelore Schäfer-Demir', 'name'],
  ['Contact: Seo-yeon Park', 'Seo-yeon Park', 'name'],
  ['联系人：林晓东，电话：010-0000-4417', '林晓东', 'name'],
  ['Contact: Abdul-Rahman al-Sayed, Villa 17', 'al-Sayed', 'name'],
  ['card 4111 1111 1111 1111 was charged', '4111 1111 1111 1111', 'card number'],
  ['IBAN GB82 WEST 1234 5698 7654 32 for the refund', 'GB82 WEST 1234 5698 7654 32', 'account number'],
  ["my driver's license number is 6940579", '6940579', 'licence number'],
  ['send it to Koskikatu 25 Apt. 864', 'Koskikatu 25 Apt. 864', 'address'],
  ['sent to Blk 418 Ang Mo Kio Avenue 10 #07-1142, Singapore', 'Ang Mo Kio Avenue 10 #07-1142', 'address'],
  ['vivo en Carrera 7 # 72-41, apto 502, Bogotá.', 'Carrera 7 # 72-41, apto 502', 'address'],
  ['Address: Skippergata 3, H0304, 0152 Oslo', 'Skippergata 3, H0304', 'address'],
  ['Calle 93 # 11-27, apto 301, Bogotá - entregar a Valentina', 'Calle 93 # 11-27, apto 301', 'address'],
  ['send the form back to 7 kirkgate, apartment 2, thirsk', '7 kirkgate, apartment 2', 'address'],
  ['Dr. Oluwatobi Fashola / Consultant Physician / t: +234 1 000 4582', '+234 1 000 4582', 'phone'],
  ['Library card LIB-21870-04412 was issued', 'LIB-21870-04412', 'account number'],
  ['Resident: Hon. Isadora Fairweather, 104, Room 12, Willow Court care home.', '104', 'age over 89'],
  ['CV - Ebru Aydın | Bağdat Cad. No: 214 D: 7, 34728 Kadıköy', 'Bağdat Cad. No: 214 D: 7', 'address'],
  ['the holder is Obinna Chukwuemeka-Ide.', 'Obinna Chukwuemeka-Ide', 'name'],
  ["It's probably filed under YOUNG, Cressida.", 'YOUNG, Cressida', 'name'],
  ['five founders: Hope, Ebere, Ludmila and old Mr. Pettifer', 'Hope', 'name'],
  ["Card: 'With love from Wes and Kit'.", 'Kit', 'name'],
  ['The scholarship goes to Honor Blackwood; well done', 'Honor Blackwood', 'name'],
  ['Name: May, Tom', 'May, Tom', 'name'],
  ['Name: Obadiah Kettering / Address: 417 Magnolia Court', 'Obadiah Kettering', 'name'],
  ['VAUGHAN, Isolde M. - present', 'VAUGHAN', 'name'],
  ['running 10 mins late, tell Mo to start without me.', 'Mo', 'name'],
  ["Can you tell Ash that Fern's pottery class moved?", 'Ash', 'name'],
  ['Justice will drop the lease at 410 Cherry Street on her way to work.', 'Justice', 'name'],
  ['what can i buy with the points? thx, thandiwe ngcobo', 'thandiwe ngcobo', 'name'],
  ['Library card was issued to mariana oyarzún.', 'mariana oyarzún', 'name'],
  ['They had five children: Agnes, Clement, Winifred, Josiah and little Hope.', 'Hope', 'name'],
  ['The cake was made by Grandma Blessing, who refuses to share the recipe.', 'Blessing', 'name'],
  ['she lives at Rua do Arenque 1634', 'Rua do Arenque 1634', 'address'],
  ['ZIP: 53650', '53650', 'ZIP code'],
  ['pt John Smith test results were negative', 'John Smith', 'name'],
  ['Scott had given Belle his address', 'Belle', 'name'],
  ['Graves\n\n0104 Hafnarstraeti 5\n Suite 966', 'Graves', 'name'],
  ['Usamov and Bowers were precision engineers', 'Bowers', 'name'],
  ['Mr. Leonard Hodgkins was seen in clinic', 'Hodgkins', 'name'],
  ['Grace and Will Harrington are moving house', 'Will Harrington', 'name'],
  ['Grace and Will Harrington are moving house', 'Grace', 'name'],
  ['Patient: KOWALCZYK, Tomasz J.    MRN: 40-118-273', 'KOWALCZYK, Tomasz', 'name'],
  ["I'm 91 and still gardening", '91', 'age over 89'],
  ['Re: Mrs Granger (92 yrs), new referral', '92', 'age over 89'],
  ['seen on the ward: Mr. Oyelowo, 94, settled overnight', '94', 'age over 89'],
  ['Mr. Alistair Dunmore, ninety-five, hip fracture', 'ninety-five', 'age over 89'],
  ['Enc CSN: 118820331 for the visit', '118820331', 'account number'],
  ['licence no. FITZG802150C99AB on file', 'FITZG802150C99AB', 'licence number'],
  ['mailing address is RR 2 Box 118, Hartwell', 'RR 2 Box 118', 'address'],
  ['DELIVER TO 16 BIRCH LANE, APT 5, GREAT NECK', '16 BIRCH LANE, APT 5', 'address'],
  ['update the beneficiary to my niece Kalolaine Tupou', 'Kalolaine', 'name'],
  ['if not, ask Drew Marsh to cover', 'Marsh', 'name'],
  ['Reservation for Kim Do-yoon, 2 adults', 'Do-yoon', 'name'],
  ['Sent the contract to 3 impasse des Mouettes, 29200 Brest', '3 impasse des Mouettes', 'address'],
  ['Clinic no.: 0044718 Address on file', '0044718', 'MRN'],
  ['VAN DER LINDEN, PIETERNEL - admitted for staging', 'PIETERNEL', 'name'],
  ['the address on it is No. 7, 3rd Main Road, Jayanagar', 'No. 7', 'address'],
  ['Contact: Abdul-Rahman al-Sayed for the keys', 'Abdul-Rahman', 'name'],
  ['Transfer £250 to Young, R. - reference rent', 'Young, R.', 'name'],
  ['Smt. Lakshmi, CR No. 2024/118733, referred', '2024/118733', 'MRN'],
  ['Case: HP-2024-008812 liver core', 'HP-2024-008812', 'MRN'],
  ['São Paulo, CPF 000.418.227-09', '000.418.227-09', 'account number'],
  ['Napoli - codice fiscale BNCGLI85M41F839X.', 'BNCGLI85M41F839X', 'account number'],
  ['update the beneficiary on policy LX-2024-0477 please', 'LX-2024-0477', 'account number'],
  ['Member Ada Oti, policy no. KE-NH-0048821, asked for a new card', 'KE-NH-0048821', 'account number'],
  ['Re: Joseph Kariuki (staff no. 00-4417) has a new address', '00-4417', 'account number'],
  ['my work line is 0161 496 0772, ext 4410, after lunch', '0161 496 0772, ext 4410', 'phone'],
  ["I'll be ninety-one this spring and still driving", 'ninety-one', 'age over 89'],
  ['she is a hundred and two and lives alone', 'a hundred and two', 'age over 89'],
  ['Attn: Olga Ivanova, accounts payable', 'Olga Ivanova', 'name'],
  ['Tenant: Rhys ap Gwilym, rent due monthly', 'Rhys ap Gwilym', 'name'],
  ['Please correct the spelling: it is Saoirse Mac an tSaoir', 'tSaoir', 'name'],
  ['Wedding guests: Anitha & Joseph Kuriakose', 'Anitha', 'name'],
  ['call me after six, ask for Sunny', 'Sunny', 'name'],
  ["Hey it's Storm - I locked myself out again", 'Storm', 'name'],
  ['she lives at Corso Vittorio Emanuele II 211, Palermo', 'Corso Vittorio Emanuele II 211', 'address'],
  ['pick up her passport (EP4418273) today', 'EP4418273', 'account number'],
  ['his brother Wilber is 92 and lives nearby', '92', 'age over 89'],
  ['her grandmother, 97, shares the house', '97', 'age over 89'],
  ["planning her grandmother's 95th birthday", '95th', 'age over 89'],
  // On no list: found by the words around them, not by the name lists.
  ['says Genoni in the interview', 'Genoni', 'name'],
  ['Smulders shouted at Conconi about the MRD result', 'Conconi', 'name'],
  ['I want to add Iver J Thienpont as a beneficiary', 'Iver J Thienpont', 'name'],
  ['follow up with óskar jónsson next week', 'óskar jónsson', 'name'],
  ['Tosh Olsen has JMML', 'Tosh', 'name'],
  ['Baukje and Berthier were precision engineers', 'Berthier', 'name'],
  ['Thienpont lives near the clinic', 'Thienpont', 'name'],
  ['Mr. De Doncker is a 61 year old man', 'De Doncker', 'name'],
  ['Sigrid had given Hakuba his address', 'Hakuba', 'name'],
  ['patient Van der Berg relapsed', 'Van der Berg', 'name'],
  ['have you heard Ulisses Berthier speak yet?', 'Ulisses Berthier', 'name'],
  ['Why is Mathea so impulsive?', 'Mathea', 'name'],
  ['Barbiers is a very sympathetic person.', 'Barbiers', 'name'],
  ['Proot, a nurse on the ward, called back', 'Proot', 'name'],
  ["Don't go to town, Smulders!", 'Smulders', 'name'],
  ['My nam is Proot', 'Proot', 'name'],
  ['Cleymans is from the Leuven group', 'Cleymans', 'name'],
  ['User: Geert Genoni', 'Geert Genoni', 'name'],
  ['the engineers were Ulisses Berthier and Genoni', 'Genoni', 'name'],
  ['follow up with abgail a falsoni in a couple of months', 'abgail a falsoni', 'name'],
  ['Edilene A Agrizzi lives at the coast', 'Edilene A Agrizzi', 'name'],
  ['Willemine ten Pas will present the case', 'Willemine ten Pas', 'name'],
  // As clinicians type case lines and paste charts into Slack.
  ['pt 91F with newly dx DLBCL, ECOG 2', '91F', 'age over 89'],
  ['Medicare form for pt Harold Jenkins, 91. hospice election', '91', 'age over 89'],
  ["pt's DOB is 2/29/1932 (she's 92, leap year baby)", '92', 'age over 89'],
  ['f/u MRI 4/18, then cycle 3', '4/18', 'date'],
  ['on imatinib 400 since 06/2021', '06/2021', 'date'],
  ['birthdate 1975/08/23, NPC stage IVA', '1975/08/23', 'date of birth'],
  ["Walt K (DOB Sept 9 '41), meso", "Sept 9 '41", 'date of birth'],
  ['GARCIA, LUIS A  DOB: 03/14/1952', 'GARCIA, LUIS A', 'name'],
  ['Patient: ABDI, HODAN M', 'ABDI, HODAN M', 'name'],
  ['Bone marrow Bx for pt 05531927 (the mrn)', '05531927', 'MRN'],
  ['the medicaid ID for the Barrera kid is 98234561B', '98234561B', 'account number'],
  ['Medicare MBI 5KT9-RF3-XW27 for the hospice form', '5KT9-RF3-XW27', 'account number'],
  ['zip on insurance form 30318 does not match', '30318', 'ZIP code'],
  ['CaringBridge: caringbridge.org/visit/rosiethompson — pls', 'caringbridge.org/visit/rosiethompson', 'URL'],
  ['lives 4820 E Thomas Rd, Phoenix AZ 85018', '4820 E Thomas Rd', 'address'],
  ["sarah o'brien-nakamura 39F, ALL Ph+, on ponatinib", "sarah o'brien-nakamura", 'name'],
  ['pt tanvir ahmed (mrn 7711023), ampullary ca', 'tanvir ahmed', 'name'],
  ['pt Will Hunter asked if he can golf during chemo', 'Will Hunter', 'name'],
  ['patient Ivan Petrović, Croatian, speaks little English', 'Ivan Petrović', 'name'],
  ["D'hoedt, can I please speak to your boss?", "D'hoedt", 'name'],
  ['Thienpont is very reliable. You can always depend on him.', 'Thienpont', 'name'],
  ['follow up with qwen gunnarsdóttir in a couple of months.', 'qwen gunnarsdóttir', 'name'],
  ['update both addresses to: Lillegade and Rua Amaral Peixoto 12', 'Lillegade', 'address'],
  ['leave the parcel at 915 SE Hawthorne Blvd, Portland', '915 SE Hawthorne Blvd', 'address'],
  ['passport issued to KOWALSKI-NOWAK, Agnieszka, expires soon', 'KOWALSKI-NOWAK', 'name'],
  ['reply from MCALLISTER-REID, J.: running late', 'MCALLISTER-REID', 'name'],
  ['refund to MRS OKONKWO at the old address', 'OKONKWO', 'name'],
  ['ask her neighbour, Mrs Le, for the key', 'Le,', 'name'],
  ['the Kowalskis will host the street party', 'Kowalskis', 'name'],
  ['drinks with Bright Okonjo after clinic', 'Bright', 'name'],
  ['Renata, Jun-ho and Tariq Haddad asked for vegetarian meals', 'Renata', 'name'],
  ['post it to 22 ALDER BROOK ROAD, Leeds', '22 ALDER BROOK ROAD', 'address'],
  ['drop it at 7 elm view road, preston', '7 elm view road', 'address'],
  ['Please ring me back on +33 4 99 00 52 18, poste 214, about the Roux account.', 'poste 214', 'phone'],
  ['Livraison : 14 bis avenue des Tilleuls, 44000 Nantes', '14 bis avenue des Tilleuls', 'address'],
  ['PAX: ADEYEMI/FOLASADE MRS seat 14C', 'ADEYEMI/FOLASADE', 'name'],
  ['surname is mbeki, m-b-e-k-i, first name thandi', 'm-b-e-k-i', 'name'],
  ['surname is mbeki, m-b-e-k-i, first name thandi', 'mbeki,', 'name'],
  ['spelled n o w a k nowak on the form', 'n o w a k', 'name'],
  ['H.No. 8-2-293/82, Jubilee Hills: new address', '8-2-293/82', 'address'],
  ['she moved to number thirty six hazel grove last month', 'thirty six hazel grove', 'address'],
  ['how many points are left on my card? cheers, siosaia tupou', 'siosaia tupou', 'name'],
  ['Thanks,\n— Mele Fifita', 'Mele Fifita', 'name'],
  ['Top comment by user priya_venkataraman88: what a version', 'priya_venkataraman88', 'name'],
  ['Cleaning rota: Pemberton, Alaric / Osei, Kwame', 'Pemberton, Alaric', 'name'],
  ['Happy 99th, Granny Euphemia!', '99th', 'age over 89'],
  ['me llamo Rocío y nací el 5 de marzo de 1988 en Sevilla', '5 de marzo de 1988', 'date'],
  ['née le 12 mars 1990 à Lyon', '12 mars 1990', 'date'],
  ['住址：北京市朝阳区建国路88号3单元1201室，电话', '建国路88号3单元1201室', 'address'],
  ['收件人：台北市大安區復興南路一段390號8樓之2', '復興南路一段390號8樓之2', 'address'],
  ['配送先：東京都渋谷区神宮前3-14-7 メゾン青山203号室', '神宮前3-14-7 メゾン青山203号室', 'address'],
  ['住所：東京都渋谷区渋谷2丁目14番7号', '渋谷2丁目14番7号', 'address'],
  ['Drop-off: 4 Bóthar an Chladaigh, Galway.', 'Bóthar an Chladaigh', 'address'],
  ['pt Ciarán, 61 Ard na Gréine, Ennis - GMS covers it', 'Ard na Gréine', 'address'],
  ['Re: Mrs Granger-Stokes (92 yrs), 3 The Paddocks, Little Snoring', '3 The Paddocks', 'address'],
  ['患者氏名：山本 春子（やまもと はるこ）様', '春子', 'name'],
  ['患者氏名：山本 春子（やまもと はるこ）様', 'やまもと', 'name'],
  ['Teams: Kemal, Elif | Mei, Jun, Xiaoling', 'Mei', 'name'],
  ['Send the forms to 982 Gleason Meadow Suite 195 before Friday.', 'Gleason Meadow', 'address'],
  ['I live at 3458 Rue de la Pompe, Lyon.', 'Rue de la Pompe', 'address'],
  ['My address is Glorieta Juana s/n. 2º B, Madrid', 'Glorieta Juana s/n', 'address'],
];

/** Clinical questions that must pass through unchanged. */
const CLINICAL: string[] = [
  'MR ENTEROGRAPHY in 5 pts, MS PATIENTS excluded',
  'markers CEA, Ca 19-9 rising on 3 NE scans',
  'the Parkinsons arm and the Hodgkins subgroup',
  're-read 4 MRI DR and 3 PET CT from last week',
  'drain out on the 6th postoperative day, home on the 8th day',
  'grade 3/4 neutropenia in 5/12 patients, mean BMI 28.02',
  'PD on 3 scans in a row, then switched',
  'there is only 1 more way, i think: re-resect',
  'alcoholic cirrhosis w ascites: what share were child C',
  'switched to osimertinib a tki last week, any data?',
  'gave folfox a try after progression',
  'What is the relapse rate after HSCT for JMML?',
  'Wilms is a kidney tumour of childhood',
  'pancreas re-tx: how did the 2nd graft do?',
  'Is Herceptin still worth it in HER2-low?',
  'Was Kaplan-Meier used for PFS?',
  'Anti-Inflammatory drugs and Beta-Lactamase producers in the Non-Hodgkin arm',
  'ranked #3 in the list, #12 of 40 centres',
  'May, June and July were the study months',
  'treated at Memorial Sloan Kettering, then referred to Dana Farber and Fred Hutch',
  'spina bifida scoliosis fusion w/o untethering - how many were thoracic level or higher',
  'peds surg: girl w a twisted ovary. how much quicker to theatre?',
  'the vaccine was issued to all pts on the ward',
  'Data were obtained from the National Patient Register and the National Health Insurance',
  'CT 3 # 2-4 today, and EudraCT CD-2019-1234',
  'OS +12 months vs +3 months, n = 40',
  'heme: early relapse DLBCL under a yr from R-CHOP, CAR T 2nd line vs salvage',
  'pT2 N0 M0, 3 cm, Ki67 20%, T2N0 at 45 months',
  'stained with Rose Bengal and read by the Will Rogers phenomenon',
  'and was immunosuppression stopped?',
  'Does rapamycin help an 18-month-old with JMML relapse?',
  'Outcomes with monosomy 7 versus normal karyotype?',
  'Is grade 3/4 neutropenia common with venetoclax?',
  'HR 0.62 (95% CI 0.48-0.80) for OS in the trial?',
  'Relapse approaches 50% within 5 years after transplant',
  'What does PMID 12345678 report about NRAS?',
  'Summarize https://pubmed.ncbi.nlm.nih.gov/12345678/ please',
  'See https://doi.org/10.1016/j.lrr.2020.100210 for the case',
  'Patients with Down syndrome and myeloid leukemia: outcomes?',
  'patient with Li-Fraumeni syndrome and a TP53 variant',
  'Ewing sarcoma in a 14-year-old: role of HSCT?',
  'Hodgkin lymphoma in a 17 yo girl treated with ABVD',
  'Is Philadelphia chromosome positive ALL treated with imatinib?',
  'cohort of patients aged 90 or older with AML',
  'patients aged 65-79 and age ≥ 80 years',
  'Child-Pugh class B and sorafenib dosing',
  'HCC, child pugh A - OS w the newer TKI vs sorafenib',
  'young woman w polycythemia vera, is the interferon better than hydroxyurea',
  'teen w spina bifida and a big curve, fusing without untethering',
  'relapsed neuroblastoma, the aurora kinase drug w chemo - any durable responses',
  'auto spike detection in lennox gastaut kids',
  'does the Young-Burgess class predict who needs transfusion?',
  'gyn onc: after centralising gyn ca surgery, was survival better',
  'how long til progression on the triplet',
  'may 2 cycles of azacitidine be enough before transplant?',
  'Day +100 chimerism was 85% donor',
  'Dose 1.5 mg/m2 on days 1-5 of each 28-day cycle',
  'Median follow-up 36 months, p = 0.003',
  'Trials registered as NCT01234567 for JMML?',
  'GM-CSF hypersensitivity and PTPN11, KRAS, NRAS, CBL mutations',
  'What did the 2019 ASH guideline say about ATRA?',
  'Treatment plan 1000 mg/m2 cytarabine: any evidence?',
  'Does the infant with relapse benefit from rapamycin?',
  'What happens when the patient loses the graft?',
  'Published in March 2023 by the COG group',
  'Risk stratification for stage IV neuroblastoma in a 2-year-old',
  'Which version 2.1 of the NCCN guidelines covers this?',
  'A 45-year-old with CML on dasatinib: pleural effusion rate?',
  'Wilms tumor nephrectomy timing?',
  'Burkitt lymphoma with CNS involvement',
  'Is a Karnofsky score of 60 enough for transplant?',
  'Fanconi anemia conditioning regimens',
  'Patient reported outcomes after CAR-T',
  'a boy with Noonan syndrome and JMML-like disorder',
  'Kaplan-Meier estimates and Cox regression in Hodgkin lymphoma',
  "Graves' disease and Pearson correlation in 12 patients",
  'Ki-67 above 30% in 2.87-10.69 of cases',
  'Metformin was given for 30 min at 10 mL/h',
  // Words WordNet knows as words or as no person; devices and methods named for their authors.
  'Bolus intravenous injection of epinephrine can decrease uterine blood flow.',
  'Nystagmus was analysed using video-oculography.',
  'Patients were recruited in Catalonia.',
  'pain measured by a scale according to Huskisson',
  'A 24 h Holter recording was obtained',
  'estimation of fetal weight, the performance of pelvimetry',
  "I'm fine with the plan, I'll present it Thursday",
  'Group A Streptococcus grew in the culture',
  'patients treated at the Hospital de Clinicas',
  'diabetic breast ca pts on metformin — any survival advantage?',
  'ecog 2, plt 45 and hgb 7.2, still fit for ven aza?',
  'borderline eGFR, need MR angio of the aorta',
  'path says Reed-Sternberg cells present, classic HL',
  'transplant referral to Fred Hutch, or Dana-Farber Yawkey 5.',
  'tumor board moves to Rm 3.114 at Mass General',
  'what was the response rate for exon 11 mutants',
  '5/9 patients responded, grade 3/4 neutropenia in 2',
  'fever 101F overnight, cultures drawn',
  'does using 2 isocenters vs 1 give better relief?',
  'conventional PRK, ASA cases still develop haze',
  'taking into account 12345 patients',
  'ages ranged from 18 to 92 years (median 61 years)',
  'PLT 145 AFTER 2 UNITS GIVEN OVERNIGHT',
  'Patient data were gathered from 43 centers. Prognostic factors were evaluated',
  'case 12 of the series; HR 0.42 for OS',
  'NPC pts who got RT alone in the old MD Anderson series',
  'contact details were collected at 3 centres',
  'hepatectomy at a low volume liver unit (<50 a yr) predicts worse OS?',
  'how many of them had anti-D exposure: 3 (Kell vs RhD)',
  'the patient is 95 kg and on 2 court-ordered visits',
  'FL 3rd relapse, POD24 early on: CR rate with mosunetuzumab?',
  'Rose Bengal was applied to the cornea',
  'HER2/NEU MR imaging was negative',
  "Don't forget the consent form before the biopsy",
  'vasculitis in 16 Churg-Strauss patients',
  'stage II 211 patients were treated per the hospital policy 2019 update',
  'do we really need to take out the station 9 nodes in lung ca resections?',
  'met anal SCC, chemo naive, PS 1: PFS benefit?',
  'the 12 Item Short-Form Health Survey was completed',
  'registered as NCT01234567 and UMIN000012345, funded by CA016672',
  'the Hodgkin pt from last week (bulky, Ann Arbor IIB) got her interim PET',
  'ann arbor stage two a hodgkin lymphoma',
  'Clark level IV, Breslow 3.1 mm, SLNB positive',
  'ACL recon in pts whose good knee is super loose - what Lysholm did they end up w',
  'Clavien 3 or worse after a Siewert II resection?',
  'geri onc: frail fallers going home from rehab, unresectable hilar cholangio',
  'surg ed: did the duty hour cap hurt teaching? the pts who stroked peri op, vasc surg series',
  'Hurthle cell carcinoma with 12 cases',
  'The Way forward is a phase 3 trial; the Supreme Court ruling is unrelated',
  'use a 3 way catheter; we had 3 close calls and 2 court dates',
  'mom said the clinic moved to 2 pm',
  'staff FY2024 review of the board; seen at Grace Hospital',
  'we gave 2 and 3 cycles at level 2, 4 weeks apart',
  'delayed phase on routine abdo/pelvis CT, 1000 consecutive scans - how many were men?',
  'fill in the patient name and date of birth on the request form',
  'referral is a two way street with the district team',
  'R-CHOP q.i.d. vs T N M staging, e.g. in the 2-3 yr olds',
  'thx, will read it tonight',
  'one combined ART pill vs separate tablets, and who was taller',
  'see report_final.pdf and the data_set tab',
  'sites: Leeds, York',
  'day 5 de novo AML, 2019 cohort',
  '第2-3周期的数据, 2019-2020',
  'in Table 3 The Results, Discussion and Limitations are split',
  'Gleason 7 in 12 Gleason score cases, s/n ratio 40 dB',
  'variables including a SNP score (st.dev units) and e.coli counts',
];

describe('redactPhi', () => {
  it.each(IDENTIFYING)('removes the identifier from %j', (question, identifier, kind) => {
    const { text, redactions } = redactPhi(question);
    expect(text).not.toContain(identifier);
    expect(text).toContain(`[${kind}]`);
    expect(redactions).toContain(kind);
  });

  it.each(CLINICAL)('leaves clinical text alone: %j', (question) => {
    expect(redactPhi(question)).toMatchObject({ text: question, redactions: [] });
  });

  it('takes a word of a found name again only where it names the person, not as an everyday word', () => {
    expect(redactPhi('Rose Miller called: her CA-125 rose again').text).toBe(
      '[name] called: her CA-125 rose again',
    );
    expect(redactPhi('Rose Miller called. Rose wants the PET moved').text).toBe(
      '[name] called. [name] wants the PET moved',
    );
  });

  it('widens a name to the words joined to it, but not to a weekday or an everyday word', () => {
    expect(redactPhi('pt John Smith Tuesday clinic').text).toBe('pt [name] Tuesday clinic');
    expect(redactPhi('Yesterday John Smith came in').text).toBe('Yesterday [name] came in');
  });

  it("keeps a case line's age and sex after the name: it is no house number", () => {
    expect(redactPhi('pt Clark Carroll 67F w/ new dx, add to thurs?').text).toBe(
      'pt [name] 67F w/ new dx, add to thurs?',
    );
  });

  it('keeps a ward, and the centres named for people, as places', () => {
    for (const text of [
      'admitted to the Oncology Ward on 5',
      'seen at Dana Farber last week',
      'IFN-γ and TGF-β levels',
    ])
      expect(redactPhi(text).text).toBe(text);
  });

  it("reads a second given name of a chart's capitals line only when a list knows it", () => {
    expect(redactPhi('SMITH, JOHN SEEN IN CLINIC').text).toBe('[name] SEEN IN CLINIC');
  });

  it('keeps the clinical part of a question that also carries identifiers', () => {
    const { text, redactions } = redactPhi(
      'pt Maria Lopez, MRN 12345678, 18-month-old with monosomy 7: relapse risk?',
    );
    expect(text).toBe('pt [name], MRN [MRN], 18-month-old with monosomy 7: relapse risk?');
    expect(redactions).toEqual(['MRN', 'name']);
  });

  it('ends an address before a small word that would start a street name ("an", "de")', () => {
    expect(redactPhi('dropped off at 12 Main Street an hour later').text).toBe(
      'dropped off at [address] an hour later',
    );
  });

  it("ends an address at its town's full stop, keeping the sentence after it", () => {
    for (const [text, redacted] of [
      [
        'We moved to 12 Oak Lane, Springfield. spina bifida pts seen in clinic',
        'We moved to [address]. spina bifida pts seen in clinic',
      ],
      ['Ship to 12 Oak Lane, Springfield. Thanks a lot', 'Ship to [address]. Thanks a lot'],
      ['Address: 417 Magnolia Court. thx, see you', 'Address: [address]. thx, see you'],
      ['Ship to 123 Sunset Blvd. apt 4, Los Angeles', 'Ship to [address]'],
    ] as const)
      expect(redactPhi(text).text, text).toBe(redacted);
    expect(redactPhi('e o pai na av. atlântica, 1702 - ass. bruno').text).not.toContain('1702');
  });

  it('reads a nickname after "calls him", a coach by rank, and a handle built on a name that is also a word', () => {
    expect(redactPhi('the nurses call her Bubbles, her name is Ngozi Eze').text).toBe(
      'the nurses call her [name], her name is [name]',
    );
    expect(redactPhi('Coach Pemberley drove him to the ED').text).toBe('Coach [name] drove him to the ED');
    expect(redactPhi('reply from user hazel.quimby77 on the forum').text).toBe(
      'reply from user [name] on the forum',
    );
    expect(redactPhi('see report_final2.docx').text).toBe('see report_final2.docx');
  });

  it('takes a given name typed in lower case when it stands in a list beside a found name', () => {
    expect(redactPhi('me, jasper and ruby-mae will drive her up').text).toBe(
      'me, [name] and [name] will drive her up',
    );
    expect(redactPhi("Oskar and Juniper's dad rang").text).toBe('[name] and [name] dad rang');
    expect(redactPhi('pet, bone scan and mri all clear').text).toBe('pet, bone scan and mri all clear');
  });

  it('reads a word no list knows after the last comma as the name of the one signing or called', () => {
    expect(redactPhi('come by after clinic, tamatea').text).toBe('come by after clinic, [name]');
    expect(redactPhi('any data on this, thnx').text).toBe('any data on this, thnx');
    expect(redactPhi('in the msk series, imho').text).toBe('in the msk series, imho');
    expect(redactPhi('seen in clinic in Milan, Italy').text).toBe('seen in clinic in Milan, Italy');
    expect(redactPhi('other seizure types: tonic, myoclonia').text).toBe(
      'other seizure types: tonic, myoclonia',
    );
    // A case line's last field is a drug, a regimen or a line of treatment, never a name.
    for (const line of [
      'sarcoma, trabectedin',
      'PDAC fit, mFOLFIRINOX',
      'AML, adult, first-line',
      'ok thanks, tamoxifen',
    ])
      expect(redactPhi(line).text).toBe(line);
  });

  it('reads "Will" or "May" opening a sentence as a given name when what follows is said of a person', () => {
    expect(redactPhi('Will Ashdown will be covering the desk on Friday').text).toBe(
      '[name] will be covering the desk on Friday',
    );
    expect(redactPhi('Will MRI be done today?').text).toBe('Will MRI be done today?');
    expect(redactPhi('May AML pts on ven benefit?').text).toBe('May AML pts on ven benefit?');
  });

  it("reads a rota's entries as names and a weekday written short as no one's name", () => {
    expect(redactPhi('drivers: Patience (Mon), Honor (Wed), Noble (Fri)').text).toBe(
      'drivers: [name] (Mon), [name] (Wed), [name] (Fri)',
    );
    expect(redactPhi('tumour board moved to Thu 8am').text).toBe('tumour board moved to Thu 8am');
    expect(redactPhi('Clinic (Mon), Theatre (Tue)').text).toBe('Clinic (Mon), Theatre (Tue)');
  });

  it('takes the small words a Dutch street opens with as part of the address', () => {
    expect(redactPhi('send the forms to van der Heijdenlaan 41 before Friday').text).toBe(
      'send the forms to [address] before Friday',
    );
  });

  it('reads the street after "the flat is" as an address, and leaves "the house is quiet"', () => {
    expect(redactPhi('buzz twice, the flat is Wallstraße 12, 3. OG, 10179 Berlin').text).toBe(
      'buzz twice, the flat is [address]',
    );
    expect(redactPhi('the house is quiet now, she sleeps most of the day').text).toBe(
      'the house is quiet now, she sleeps most of the day',
    );
  });

  it('reads an age over 89 after a kin word ("Nan is 94 today"), not a lab value said the same way', () => {
    expect(redactPhi('Nan is 94 today').redactions).toContain('age over 89');
    expect(redactPhi('plt is 92 today, hold the dose?').redactions).not.toContain('age over 89');
  });

  it('reads a postal code beside its town as a ZIP code, and a count beside a town as a count', () => {
    expect(redactPhi('the invoice went to the warehouse, 28217 bremen - not to me').text).toBe(
      'the invoice went to the warehouse, [ZIP code] bremen - not to me',
    );
    expect(redactPhi('Penerima: RW 05, Medan 20118, HP lama').text).toContain('Medan [ZIP code],');
    expect(redactPhi('we had 1200 Boston patients in the registry').text).toBe(
      'we had 1200 Boston patients in the registry',
    );
  });

  it("reads a town's name after a listed given name as a family name, and a two-word town as a place", () => {
    expect(redactPhi('From: Cressida Moorcroft').text).toBe('From: [name]');
    expect(redactPhi('We flew into Santa Rosa on Friday.').text).toBe('We flew into Santa Rosa on Friday.');
  });

  it('reads a tower or block before the street, a Canadian site and box, and a private bag as addresses', () => {
    expect(redactPhi('concierge at Tower B, 1 Marina Boulevard, #28-04').text).toBe('concierge at [address]');
    expect(redactPhi('Our cabin: RR 2, Site 14, Box 9, Gibsons').text).toBe('Our cabin: [address]');
    expect(redactPhi('Postal address: Private Bag X1004, Gaborone').text).toContain('[address]');
  });

  it('reads a month and day after a booking, or before an hour, as a date; a count stays a count', () => {
    expect(redactPhi('CT booked 7/22, Whipple done 7/2').text).toBe('CT booked [date], Whipple done [date]');
    expect(redactPhi('family meeting set for 4/25 at 3pm').text).toBe('family meeting set for [date] at 3pm');
    expect(redactPhi('responses in 7/22 patients, done 5/9 were positive').text).toBe(
      'responses in 7/22 patients, done 5/9 were positive',
    );
  });

  it('reads initials after "initials" and a double-barrelled name\'s initials after a title as a name', () => {
    expect(redactPhi('pt is 23M, initials DK').text).toBe('pt is 23M, initials [name]');
    expect(redactPhi('Whipple done on Mr K-B, path ok').text).toBe('Whipple done on [name], path ok');
    expect(redactPhi('PD-L1 and HER-2 status, grade A-B lesions').text).toBe(
      'PD-L1 and HER-2 status, grade A-B lesions',
    );
  });

  it('reads a name only a census list holds as a speaker when it opens a line of dialogue', () => {
    expect(redactPhi("Bex: who's bringing chairs?\nTunde: me + Ola").text).toBe(
      "[name]: who's bringing chairs?\n[name]: me + [name]",
    );
  });

  it('keeps a MeSH term whose first word the lists read as no name ("Amaurosis Fugax")', () => {
    expect(redactPhi('Amaurosis Fugax was the symptom least often called in.').text).toBe(
      'Amaurosis Fugax was the symptom least often called in.',
    );
  });

  it('opens a name after a kin word with an everyday word a name list holds, when a name follows it', () => {
    expect(redactPhi('Her great-aunt Marigold Penhaligon came to every clinic.').text).toBe(
      'Her great-aunt [name] came to every clinic.',
    );
    expect(redactPhi('the patient Global Assessment improved').text).toBe(
      'the patient Global Assessment improved',
    );
  });

  it('reads a USPS street suffix, a lot before the street, a name on a doorbell and a frequent-flyer number', () => {
    expect(redactPhi('it was 19 Cottonwood Bend until May').text).toBe('it was [address] until May');
    expect(redactPhi('We rent Lot 4, 12 Pecan Hollow, Austin.').text).toContain('We rent [address]');
    expect(redactPhi('The name on the door is OYELARAN-SØRENSEN.').text).toBe(
      'The name on the door is [name].',
    );
    expect(redactPhi('loyalty no. QF 77120934 please').text).toBe('loyalty no. [account number] please');
  });

  it('reads a Korean or Chinese given name of two hyphenated syllables, in any case', () => {
    expect(redactPhi('Hwang Ji-woo won the scholarship').text).toBe('[name] won the scholarship');
    expect(redactPhi('hi, ha-eun here, running late').text).toBe('hi, [name] here, running late');
    expect(redactPhi('her mother Mei-Ling brought the forms').text).toBe(
      'her mother [name] brought the forms',
    );
    expect(redactPhi('a so-so response to Long-term steroids').text).toBe(
      'a so-so response to Long-term steroids',
    );
  });

  it('reads a given name in capitals before a comma and a given name as a surname-first name, not an acronym', () => {
    expect(redactPhi('Seating: Ms Ng next to SUMMER, Odessa').text).toBe('Seating: [name] next to [name]');
    expect(redactPhi('guidance from NICE, Alice said').text).toBe('guidance from NICE, [name] said');
  });

  it('keeps "Geri" written as a name a name, though "geri onc" typed in lower case is the specialty', () => {
    expect(redactPhi('Geri called about her scan').text).toBe('[name] called about her scan');
  });

  it('reads a name written with a glottal stop (ʻokina) as one name, offsets kept', () => {
    const text = 'her cousin Sione Māʻilei brought the forms';
    const { spans } = redactPhi(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Sione Māʻilei']);
    expect(redactPhi('drop it at 9 Laʻie Road').text).toBe('drop it at [address]');
  });

  it('reads an age over 89 said right after a found name, not a score after a word', () => {
    expect(redactPhi('Mrs. Odile Varga is 93 and lives alone').text).toBe(
      'Mrs. [name] is [age over 89] and lives alone',
    );
    expect(redactPhi('Mr. Ruben Castellanos-Mier, 96, of the same street').text).toBe(
      'Mr. [name], [age over 89], of the same street',
    );
    expect(redactPhi('the Karnofsky score is 90 at entry').text).toBe('the Karnofsky score is 90 at entry');
  });

  it('reads surname-first names in a list of people, and leaves section headings in capitals', () => {
    expect(redactPhi('Attending – OYEWOLE, Bukunmi; TSAKALIDIS, Evangelos').text).toBe(
      'Attending – [name]; [name]',
    );
    expect(redactPhi('Finalists: OKAFOR, Adaeze and MILLER, Joan').text).toBe('Finalists: [name] and [name]');
    expect(redactPhi('Results: CONCLUSIONS, Patients with relapse').text).toBe(
      'Results: CONCLUSIONS, Patients with relapse',
    );
  });

  it('reads houses, towers and floors named before a street, with or without a house number', () => {
    expect(redactPhi('she is at The Old Forge, Chapel Lane, Kelso.').text).toBe(
      'she is at [address], Kelso.',
    );
    expect(redactPhi('office: 5th Floor, Orion Tower, Mission Road, Pune').text).toBe('office: [address]');
    expect(redactPhi('post it to Suite 4, Level 2, Harbour Tower One, 8 Quay Street').text).toBe(
      'post it to [address]',
    );
  });

  it("reads a French street whose name's small words are in lower case, and a Navy ship's FPO address", () => {
    expect(redactPhi('Address: 3 rue Saint-Germain-des-Prés\n75006 Paris').text).toBe('Address: [address]');
    expect(redactPhi('Ship to USS Calloway\nFPO AE 09521').text).toBe('Ship to [address]');
  });

  it('reads "Barre" after a given name as a surname, and keeps Guillain-Barré the syndrome', () => {
    expect(redactPhi('have you met Anouk Barre yet?').text).toBe('have you met [name] yet?');
    expect(redactPhi('Guillain Barre syndrome after nivolumab').text).toBe(
      'Guillain Barre syndrome after nivolumab',
    );
  });

  it('reads an eponym that is a common surname after a given name, and keeps it before a clinical word', () => {
    expect(redactPhi('please ship it to Sabine Meier by Friday').text).toBe(
      'please ship it to [name] by Friday',
    );
    expect(redactPhi('Helga Richter called about the card').text).toBe('[name] called about the card');
    expect(redactPhi('Richter transformation in CLL after ibrutinib').text).toBe(
      'Richter transformation in CLL after ibrutinib',
    );
  });

  it("reads a people's name that is also a listed given name as a given name before a surname", () => {
    expect(redactPhi('sami vermeulen lives two doors down').text).toBe('[name] lives two doors down');
    expect(redactPhi('Sami reindeer herders were surveyed').text).toBe('Sami reindeer herders were surveyed');
    expect(redactPhi('thai patients did better').text).toBe('thai patients did better');
  });

  it('reports each kind once however many identifiers of that kind', () => {
    const { redactions } = redactPhi('MRN 11112222 and MRN 33334444');
    expect(redactions).toEqual(['MRN']);
  });
});

describe('redactPhi spans', () => {
  it('gives each identifier its offsets in the original text and its kind', () => {
    const text = 'pt Maria Lopez, MRN 12345678';
    const { spans } = redactPhi(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.kind])).toEqual([
      ['Maria Lopez', 'name'],
      ['12345678', 'MRN'],
    ]);
  });

  it('leaves an already redacted text as it is', () => {
    const once = redactPhi('pt Maria Lopez, MRN 12345678, call 617-555-0143').text;
    expect(redactPhi(once)).toMatchObject({ text: once, redactions: [] });
  });
});

describe('looksIdentifying', () => {
  it('flags text with an identifier and passes clinical text', () => {
    expect(looksIdentifying('Mr. Jones, DOB 1/2/1950')).toBe(true);
    expect(looksIdentifying('Relapse after HSCT for JMML with monosomy 7')).toBe(false);
  });
});
