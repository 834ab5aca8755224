package com.chroniccare.core.careteam;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.chroniccare.core.CareTeam;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CareTeamMapper extends BaseMapper<CareTeamDO> {

    @Select("SELECT m.user_id, u.display_name, u.role, m.tier FROM core_care_team_member m"
            + " JOIN core_user u ON u.id = m.user_id WHERE m.team_id = #{teamId} ORDER BY m.tier, m.user_id")
    List<CareTeam.Member> members(long teamId);

    @Select("SELECT team_id FROM core_care_team_member WHERE user_id = #{userId} ORDER BY team_id")
    List<Long> teamIdsOfStaff(long userId);

    @Select("SELECT COUNT(*) FROM core_care_team_member WHERE team_id = #{teamId} AND user_id = #{userId}")
    int isMember(long teamId, long userId);

    @Insert("INSERT INTO core_care_team_member (team_id, user_id, tier, added_at) VALUES (#{teamId}, #{userId}, #{tier}, #{at})")
    void addMember(long teamId, long userId, int tier, Instant at);

    @Delete("DELETE FROM core_care_team_member WHERE team_id = #{teamId} AND user_id = #{userId}")
    void removeMember(long teamId, long userId);

    @Select("SELECT team_id FROM core_care_team_patient WHERE patient_id = #{patientId}")
    Long teamOfPatient(long patientId);

    @Delete("DELETE FROM core_care_team_patient WHERE patient_id = #{patientId}")
    int removePatient(long patientId);

    @Insert("INSERT INTO core_care_team_patient (patient_id, team_id, joined_at) VALUES (#{patientId}, #{teamId}, #{at})")
    void addPatient(long patientId, long teamId, Instant at);

    @Select("SELECT COUNT(*) FROM core_care_team_patient p JOIN core_care_team_member m ON m.team_id = p.team_id"
            + " WHERE p.patient_id = #{patientId} AND m.user_id = #{staffId}")
    int responsible(long staffId, long patientId);

    @Select("SELECT patient_id FROM core_care_team_patient WHERE team_id = #{teamId} ORDER BY patient_id")
    List<Long> patientsOfTeam(long teamId);

    @Select("SELECT p.patient_id FROM core_care_team_patient p JOIN core_care_team_member m ON m.team_id = p.team_id"
            + " WHERE m.user_id = #{staffId} ORDER BY p.patient_id")
    List<Long> patientsOf(long staffId);
}
