// The whole letter that New Letter and the completion in an empty letter write, as a snippet with
// today's date already written as the letter writes it (formatDate), not left to VS Code's date
// variables. It is the `Letter` and `Letter in Japanese` snippets of snippets/advocacy-letter.code-snippets,
// which Tab expansion still needs (VS Code asks only the snippets file then); test/unit/grammar.test.ts
// holds the two to the same text.
import { formatDate } from './letterStrings';

/** The skeleton of a letter in `lang`, dated `today` (`YYYY-MM-DD`), as a snippet. */
export function letterSkeleton(lang: 'en' | 'ja', today: string): string {
  const date = formatDate(today, lang);
  const year = today.slice(0, 4);
  const lines =
    lang === 'ja'
      ? [
          '---',
          'lang: ja',
          '---',
          '',
          '# ${1:〇〇に関する公開書簡}',
          '',
          '宛先：${2:氏名}、${3:役職}',
          '',
          `日付：\${4:${date}}`,
          '',
          '件名：${5:件名}',
          '',
          '${6:拝啓}',
          '',
          '私たちは、${7:以下の報告書に記録された人権侵害について、貴職に対応を要請いたします}。',
          '',
          '本書簡へのご回答を、${8:期限}までにお願い申し上げます。',
          '',
          '${9:敬具}',
          '',
          '## 参考文献',
          '',
          `- 『\${10:報告書名}』、\${11:発行者}、\${12:${year}}年。`,
          '',
          '## 署名者',
          '',
          '- ${13:氏名}、${14:役職}、${15:団体名}',
          '$0',
        ]
      : [
          '# ${1:Open Letter on the Subject}',
          '',
          'To: ${2:Name}, ${3:Title or Position}',
          '',
          `Date: \${4:${date}}`,
          '',
          'Subject: ${5:What the letter asks for}',
          '',
          'Dear ${6:Sir or Madam},',
          '',
          'We, the undersigned, ${7:write to you about the situation documented in the reports listed below}.',
          '',
          'We respectfully ${8:urge you to act}. We would be grateful for your reply by ${9:date}.',
          '',
          '## Cited Reports',
          '',
          `- \${10:Title}, \${11:Publisher}, \${12:${year}}.`,
          '',
          '## Signatories',
          '',
          '- ${13:Name}, ${14:Role}, ${15:Organization}',
          '$0',
        ];
  return lines.join('\n');
}
