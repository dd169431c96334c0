// The tables behind normalize-vi.ts: what an abbreviation, a document type or an issuing body is
// called aloud. Data only: add a row to teach the reader a new abbreviation.

export type Abbreviation = {
  /** The written forms, matched case-sensitively as whole tokens ("TP." also inside "TP.HCM"). */
  written: readonly string[];
  spoken: string;
  /**
   * Only before a name (an upper-case word, or another title: "TS Nguyễn Văn A", "PGS.TS Lê B"),
   * for forms that are ordinary words or other abbreviations elsewhere; "number": only before digits ("Q.1").
   */
  before?: "name" | "number";
};

export const ABBREVIATIONS_VI: readonly Abbreviation[] = [
  // Places
  { written: ["TP.HCM", "TPHCM", "TP. HCM", "TP HCM", "Tp.HCM", "Tp. HCM"], spoken: "thành phố Hồ Chí Minh" },
  { written: ["TP.", "Tp."], spoken: "thành phố" },
  { written: ["TP", "Tp"], spoken: "thành phố", before: "name" },
  { written: ["TX."], spoken: "thị xã" },
  { written: ["Q."], spoken: "quận", before: "number" },
  { written: ["P."], spoken: "phường", before: "number" },
  { written: ["HCM"], spoken: "Hồ Chí Minh" },
  { written: ["VN"], spoken: "Việt Nam" },
  // Titles and degrees
  { written: ["GS.TSKH.", "GS.TSKH"], spoken: "giáo sư, tiến sĩ khoa học" },
  { written: ["TSKH.", "TSKH"], spoken: "tiến sĩ khoa học" },
  { written: ["PGS."], spoken: "phó giáo sư" },
  { written: ["PGS"], spoken: "phó giáo sư", before: "name" },
  { written: ["GS."], spoken: "giáo sư" },
  { written: ["GS"], spoken: "giáo sư", before: "name" },
  { written: ["TS."], spoken: "tiến sĩ" },
  { written: ["TS"], spoken: "tiến sĩ", before: "name" },
  { written: ["ThS.", "Th.S.", "Th.S"], spoken: "thạc sĩ" },
  { written: ["ThS"], spoken: "thạc sĩ", before: "name" },
  { written: ["BS.", "Bs."], spoken: "bác sĩ" },
  { written: ["KS."], spoken: "kỹ sư" },
  { written: ["NCS.", "NCS"], spoken: "nghiên cứu sinh" },
  { written: ["Đ/c", "đ/c"], spoken: "đồng chí" },
  // Offices and positions
  { written: ["GĐ"], spoken: "giám đốc" },
  { written: ["PGĐ"], spoken: "phó giám đốc" },
  { written: ["TGĐ"], spoken: "tổng giám đốc" },
  { written: ["PCT"], spoken: "phó chủ tịch" },
  // Bodies and fields
  { written: ["KH&CN", "KH-CN", "KHCN"], spoken: "khoa học và công nghệ" },
  { written: ["KH&ĐT", "KHĐT"], spoken: "kế hoạch và đầu tư" },
  { written: ["GD&ĐT", "GDĐT"], spoken: "giáo dục và đào tạo" },
  { written: ["TT&TT", "TTTT"], spoken: "thông tin và truyền thông" },
  { written: ["NN&PTNT"], spoken: "nông nghiệp và phát triển nông thôn" },
  { written: ["TN&MT", "TNMT"], spoken: "tài nguyên và môi trường" },
  { written: ["VH-TT&DL", "VHTTDL"], spoken: "văn hóa, thể thao và du lịch" },
  { written: ["LĐ-TB&XH", "LĐTBXH"], spoken: "lao động, thương binh và xã hội" },
  { written: ["SHTT"], spoken: "sở hữu trí tuệ" },
  { written: ["SHCN"], spoken: "sở hữu công nghiệp" },
  { written: ["CNTT"], spoken: "công nghệ thông tin" },
  { written: ["ĐMST"], spoken: "đổi mới sáng tạo" },
  { written: ["UBND"], spoken: "ủy ban nhân dân" },
  { written: ["HĐND"], spoken: "hội đồng nhân dân" },
  { written: ["UBKT"], spoken: "ủy ban kiểm tra" },
  { written: ["BCH"], spoken: "ban chấp hành" },
  { written: ["BCĐ"], spoken: "ban chỉ đạo" },
  { written: ["BTV"], spoken: "ban thường vụ" },
  { written: ["TW", "TƯ", "T.Ư"], spoken: "trung ương" },
  { written: ["CHXHCN"], spoken: "cộng hòa xã hội chủ nghĩa" },
  { written: ["XHCN"], spoken: "xã hội chủ nghĩa" },
  { written: ["ĐCSVN"], spoken: "Đảng Cộng sản Việt Nam" },
  { written: ["MTTQ"], spoken: "mặt trận tổ quốc" },
  { written: ["TNCS"], spoken: "thanh niên cộng sản" },
  { written: ["ĐTN"], spoken: "đoàn thanh niên" },
  { written: ["CĐCS"], spoken: "công đoàn cơ sở" },
  { written: ["CBCCVC"], spoken: "cán bộ, công chức, viên chức" },
  { written: ["CCVC"], spoken: "công chức, viên chức" },
  { written: ["NLĐ"], spoken: "người lao động" },
  { written: ["BHXH"], spoken: "bảo hiểm xã hội" },
  { written: ["BHYT"], spoken: "bảo hiểm y tế" },
  { written: ["THPT"], spoken: "trung học phổ thông" },
  { written: ["THCS"], spoken: "trung học cơ sở" },
  { written: ["ĐHQG"], spoken: "đại học quốc gia" },
  { written: ["ĐH"], spoken: "đại học" },
  { written: ["KT-XH"], spoken: "kinh tế, xã hội" },
  { written: ["QP-AN", "QPAN"], spoken: "quốc phòng, an ninh" },
  { written: ["NĐ"], spoken: "nghị định" },
  { written: ["QĐ"], spoken: "quyết định" },
  // Writing
  { written: ["v.v...", "v.v.", "v.v"], spoken: "vân vân" },
  { written: ["Nxb.", "NXB", "Nxb"], spoken: "nhà xuất bản" },
  { written: ["tr."], spoken: "trang", before: "number" },
];

/** The kind of document a number symbol names (the part before the issuer: `NĐ` in `65/2023/NĐ-CP`). */
export const DOCUMENT_TYPES_VI: Readonly<Record<string, string>> = {
  NĐ: "nghị định",
  NQ: "nghị quyết",
  NQLT: "nghị quyết liên tịch",
  TT: "thông tư",
  TTLT: "thông tư liên tịch",
  QĐ: "quyết định",
  CT: "chỉ thị",
  TB: "thông báo",
  KH: "kế hoạch",
  BC: "báo cáo",
  CV: "công văn",
  HD: "hướng dẫn",
  KL: "kết luận",
  QC: "quy chế",
  QyĐ: "quy định",
  TTr: "tờ trình",
  PL: "pháp lệnh",
  L: "luật",
};

/** Issuing bodies as named in number symbols; a trailing number is the term (`QH15`: Quốc hội khóa mười lăm). */
export const ISSUERS_VI: Readonly<Record<string, string>> = {
  CP: "Chính phủ",
  TTg: "Thủ tướng Chính phủ",
  VPCP: "Văn phòng Chính phủ",
  QH: "Quốc hội",
  UBTVQH: "Ủy ban Thường vụ Quốc hội",
  CTN: "Chủ tịch nước",
  TW: "Trung ương",
  TƯ: "Trung ương",
  BKHCN: "Bộ Khoa học và Công nghệ",
  SHTT: "Cục Sở hữu trí tuệ",
  BTC: "Bộ Tài chính",
  BNV: "Bộ Nội vụ",
  BTP: "Bộ Tư pháp",
  BCT: "Bộ Công Thương",
  BYT: "Bộ Y tế",
  BCA: "Bộ Công an",
  BQP: "Bộ Quốc phòng",
  BNG: "Bộ Ngoại giao",
  BXD: "Bộ Xây dựng",
  BGTVT: "Bộ Giao thông vận tải",
  BGDĐT: "Bộ Giáo dục và Đào tạo",
  BTTTT: "Bộ Thông tin và Truyền thông",
  BKHĐT: "Bộ Kế hoạch và Đầu tư",
  BTNMT: "Bộ Tài nguyên và Môi trường",
  BNNPTNT: "Bộ Nông nghiệp và Phát triển nông thôn",
  BVHTTDL: "Bộ Văn hóa, Thể thao và Du lịch",
  BLĐTBXH: "Bộ Lao động, Thương binh và Xã hội",
  NHNN: "Ngân hàng Nhà nước",
  KTNN: "Kiểm toán Nhà nước",
  TANDTC: "Tòa án nhân dân tối cao",
  VKSNDTC: "Viện kiểm sát nhân dân tối cao",
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  ĐU: "Đảng ủy",
  BCH: "Ban Chấp hành",
};

/** Letter names for spelling an unknown code ("XYZ" → "ích i dài dét"), the way broadcasters spell. */
export const LETTER_NAMES_VI: Readonly<Record<string, string>> = {
  A: "a", Ă: "á", Â: "ớ", B: "bê", C: "xê", D: "dê", Đ: "đê", E: "e", Ê: "ê", F: "ép", G: "giê", H: "hát",
  I: "i", J: "gi", K: "ca", L: "lờ", M: "mờ", N: "nờ", O: "o", Ô: "ô", Ơ: "ơ", P: "pê", Q: "quy", R: "rờ",
  S: "ét", T: "tê", U: "u", Ư: "ư", V: "vê", W: "vê kép", X: "ích", Y: "i dài", Z: "dét",
};
